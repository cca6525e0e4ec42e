using Exemplar.Web.Infrastructure.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Exemplar.Web.Tests.Infrastructure.Requests;

/// <summary>The upload body read into a pooled buffer: every byte, exactly, whatever the request declares.</summary>
public sealed class RequestBodyTests
{
    private sealed class SizeLimit(long? limit) : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;
        public long? MaxRequestBodySize { get; set; } = limit;
    }

    /// <summary>A body stream that hands out at most 1,000 bytes per read, as a socket does.</summary>
    private sealed class Trickle(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], ct);
    }

    private static HttpRequest Request(byte[] body, long? declared, long limit = 21 * 1024 * 1024)
    {
        var http = new DefaultHttpContext();
        http.Features.Set<IHttpMaxRequestBodySizeFeature>(new SizeLimit(limit));
        http.Request.Body = new Trickle(body);
        http.Request.ContentLength = declared;
        return http.Request;
    }

    private static byte[] Bytes(int n) => Enumerable.Range(0, n).Select(i => (byte)(i * 7 + i / 251)).ToArray();

    [Theory]
    [InlineData(1024 * 1024)] // a power of two: the rented buffer is exactly full at the end
    [InlineData(1_000_003)]
    [InlineData(1)]
    public async Task A_declared_body_is_read_whole_and_exact(int size)
    {
        var body = Bytes(size);
        using var read = await RequestBody.ReadPooledAsync(Request(body, size), default);
        Assert.Equal(size, read.Memory.Length);
        Assert.True(read.Memory.Span.SequenceEqual(body));
    }

    [Fact]
    public async Task A_body_without_a_length_grows_past_the_first_buffer()
    {
        var body = Bytes(300_000); // more than four times the 64 KB first buffer
        using var read = await RequestBody.ReadPooledAsync(Request(body, declared: null), default);
        Assert.True(read.Memory.Span.SequenceEqual(body));
    }

    [Fact]
    public async Task An_empty_body_reads_as_empty()
    {
        using var read = await RequestBody.ReadPooledAsync(Request([], 0), default);
        Assert.Equal(0, read.Memory.Length);
    }

    [Fact]
    public async Task A_body_shorter_than_declared_is_refused_in_chinese()
    {
        var e = await Assert.ThrowsAsync<IOException>(() => RequestBody.ReadPooledAsync(Request(Bytes(10), declared: 20), default));
        Assert.Equal("请求正文与声明的长度不符。", e.Message);
    }

    [Fact]
    public async Task The_memory_cannot_be_used_after_the_buffer_went_back_to_the_pool()
    {
        var read = await RequestBody.ReadPooledAsync(Request(Bytes(10), 10), default);
        read.Dispose();
        read.Dispose(); // twice is harmless: the buffer is returned once
        Assert.Throws<ObjectDisposedException>(() => read.Memory);
    }
}
