using QRCoder;

namespace Exemplar.Web.Features.Documents.Certificates;

/// <summary>QR codes as PNG (QRCoder's own PNG writer, no System.Drawing): the same payload gives the same bytes.</summary>
public static class QrCodes
{
    /// <param name="payload">The string to carry; the designation area signs it before it gets here.</param>
    /// <param name="pixelsPerModule">Pixels per module; 10 prints sharply at 35 mm.</param>
    public static byte[] Png(string payload, int pixelsPerModule = 10)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }
}
