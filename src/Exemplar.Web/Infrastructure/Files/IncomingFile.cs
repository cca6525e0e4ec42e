namespace Exemplar.Web.Infrastructure.Files;

/// <summary>
/// A file taken in before the record that will hold it is known: inspected by content on the thread pool at once and,
/// when accepted, its bytes written beside (<see cref="StagedContent"/>) under the id chosen here — so neither waits for
/// the caller's loading. The caller records the file under <see cref="FileId"/>, awaits <see cref="WrittenAsync"/> before
/// it commits, calls <see cref="Kept"/> after, and disposes this last (bytes not kept are deleted then). The content's
/// buffer must outlive this.
/// </summary>
public sealed class IncomingFile : IAsyncDisposable
{
    private readonly Task<StagedContent?> staging;

    public IncomingFile(UploadInspector inspector, FileStore store, string? fileName, ReadOnlyMemory<byte> content,
        IReadOnlySet<UploadKind> allowed, string label, CancellationToken ct)
    {
        Verdict = Task.Run(() => inspector.Inspect(fileName, content, allowed, label), ct);
        staging = StageAsync(store, content, ct);
    }

    public Guid FileId { get; } = Guid.CreateVersion7();

    /// <summary>The inspection's outcome: the file, or the refusal to show.</summary>
    public Task<UploadVerdict> Verdict { get; }

    private async Task<StagedContent?> StageAsync(FileStore store, ReadOnlyMemory<byte> content, CancellationToken ct) =>
        (await Verdict).Accepted ? store.Stage(FileId, content, ct) : null;

    /// <summary>Completes when the bytes of an accepted file are committed.</summary>
    public async Task WrittenAsync()
    {
        var bytes = await staging ?? throw new InvalidOperationException("文件未通过检查，内容没有写入。");
        await bytes.Written;
    }

    /// <summary>The caller's transaction, with the record that takes the bytes up, has committed.</summary>
    public void Kept()
    {
        if (staging is { IsCompletedSuccessfully: true, Result: { } bytes }) bytes.Kept();
    }

    public async ValueTask DisposeAsync()
    {
        StagedContent? bytes;
        try { bytes = await staging; }
        catch (Exception) { return; /* not inspected or not started: nothing was written */ }
        if (bytes is not null) await bytes.DisposeAsync();
    }
}
