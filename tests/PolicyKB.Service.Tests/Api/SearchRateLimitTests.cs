using System.Net;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>One client's expensive requests wait for each other, not everybody else's.</summary>
[TestClass]
public sealed class SearchRateLimitTests
{
    /// <summary>A request body that arrives only when released: its request holds its place in the limiter until then.</summary>
    private sealed class HeldBody(TaskCompletionSource release) : Stream
    {
        private bool sent;
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            await ReadAsync(buffer.AsMemory(offset, count), cancellationToken);
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (sent) return 0;
            await release.Task.WaitAsync(cancellationToken);
            sent = true;
            "{}"u8.CopyTo(buffer.Span);
            return 2;
        }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static HttpRequestMessage SearchFrom(string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=" + Uri.EscapeDataString("碳达峰"));
        request.Headers.Add("X-Forwarded-For", client);
        return request;
    }

    [TestMethod]
    public async Task AClientOverItsConcurrencyLimitIsRefusedWhileOthersAreServed()
    {
        await using var service = await RunningService.StartAsync(settings:
        [
            "--PolicyKB:TrustedProxies:0=127.0.0.1",
            "--PolicyKB:RateLimits:SearchConcurrencyPerClient=1", "--PolicyKB:RateLimits:SearchQueuePerClient=0",
        ]);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var content = new StreamContent(new HeldBody(release));
        content.Headers.ContentType = AdminRequests.Json;
        var held = new HttpRequestMessage(HttpMethod.Post, "/api/briefs") { Content = content };
        held.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var heldClient = new HttpClient { BaseAddress = service.Address };
        var holding = heldClient.SendAsync(held);
        try
        {
            // The held request takes the client's one place once it reaches the limiter: wait for that.
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 200 && refused is null; i++)
            {
                var response = await service.Client.SendAsync(SearchFrom("203.0.113.7"));
                if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
                else { response.Dispose(); await Task.Delay(25); }
            }
            Assert.IsNotNull(refused, "the client's second request was never refused");
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.IsNotNull(refused.Headers.RetryAfter, "429 without Retry-After");
            refused.Dispose();

            using var other = await service.Client.SendAsync(SearchFrom("198.51.100.2"));
            Assert.AreEqual(HttpStatusCode.OK, other.StatusCode);
        }
        finally
        {
            release.SetResult();
            (await holding).Dispose();
        }
        using var after = await service.Client.SendAsync(SearchFrom("203.0.113.7"));
        Assert.AreEqual(HttpStatusCode.OK, after.StatusCode, "the client's place was not given back");
    }
}
