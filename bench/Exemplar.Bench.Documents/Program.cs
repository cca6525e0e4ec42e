using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Exemplar.Bench.Documents;
using Exemplar.Web.Features.Documents.Kunming;

// Times generating the Kunming 申请报告 for an application with 200 resident enterprises and 2,000 service activities.
// Usage: Exemplar.Bench.Documents [residents=200] [activities=2000] [rounds=15] [out.docx]
var residents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var activities = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;

var data = ApplicationGenerator.Create(residents, activities);
Console.WriteLine($"Kunming 申请报告: {data.Residents.Count} resident enterprises, {data.Entries.Count} ledger entries, {data.SurveyAnswers.Count} survey answers, {data.Staff.Count} staff");

var first = Stopwatch.StartNew();
var bytes = KunmingApplicationReport.Render(data);
first.Stop();
for (var i = 0; i < 3; i++) KunmingApplicationReport.Render(data); // warm-up

var times = new List<double>();
for (var i = 0; i < rounds; i++)
{
    var sw = Stopwatch.StartNew();
    var again = KunmingApplicationReport.Render(data);
    sw.Stop();
    times.Add(sw.Elapsed.TotalMilliseconds);
    if (!again.AsSpan().SequenceEqual(bytes)) { Console.Error.WriteLine("different bytes for the same record"); return 1; }
}
times.Sort();

// The description alone (figures counted with LedgerMetrics, tables laid out), without Open XML and zipping.
var describe = new List<double>();
for (var i = 0; i < rounds; i++)
{
    var sw = Stopwatch.StartNew();
    KunmingApplicationReport.Describe(data);
    sw.Stop();
    describe.Add(sw.Elapsed.TotalMilliseconds);
}
describe.Sort();

using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
{
    var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).ToList();
    Console.WriteLine($"OpenXmlValidator errors: {errors.Count}");
    if (errors.Count > 0) return 1;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first call (cold, JIT included): {first.Elapsed.TotalMilliseconds:0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm, {rounds} rounds: median {times[times.Count / 2]:0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"of which the description (figures and layout, no Open XML): median {describe[describe.Count / 2]:0.0} ms"));
if (args.Length > 3) File.WriteAllBytes(args[3], bytes);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size: {bytes.Length:N0} bytes ({bytes.Length / 1024.0:0.0} KiB); identical bytes in every round"));
return 0;
