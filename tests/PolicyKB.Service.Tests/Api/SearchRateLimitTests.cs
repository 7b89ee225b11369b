using System.Net;
using System.Net.Sockets;
using System.Text;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>One client's expensive requests wait for each other, not everybody else's.</summary>
[TestClass]
public sealed class SearchRateLimitTests
{
    /// <summary>
    /// A brief request from <paramref name="client"/> whose body is cut short on the wire: it holds its place in the
    /// limiter until <see cref="HeldRequest.ReleaseAsync"/> sends the rest.
    /// </summary>
    private sealed class HeldRequest(TcpClient tcp, NetworkStream stream) : IAsyncDisposable
    {
        public static async Task<HeldRequest> SendAsync(Uri address, string client)
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync(address.Host, address.Port);
            var stream = tcp.GetStream();
            var head = $"POST /api/briefs HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\n" +
                $"Content-Length: 2\r\nX-Forwarded-For: {client}\r\n\r\n{{";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            return new HeldRequest(tcp, stream);
        }

        /// <summary>Was it answered already (refused, because a search of the same client held the place when it came)?</summary>
        public bool WasAnswered => tcp.Available > 0;

        /// <summary>Sends the rest of the body and reads the status line of the answer.</summary>
        public async Task<string> ReleaseAsync()
        {
            await stream.WriteAsync("}"u8.ToArray());
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        }

        public ValueTask DisposeAsync()
        {
            tcp.Dispose();
            return ValueTask.CompletedTask;
        }
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
        var held = await HeldRequest.SendAsync(service.Address, "203.0.113.7");
        try
        {
            // The held request takes the client's one place once it reaches the limiter; if a search got there first,
            // the held request was the one refused, and is sent again.
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 200 && refused is null; i++)
            {
                var response = await service.Client.SendAsync(SearchFrom("203.0.113.7"));
                if (response.StatusCode == HttpStatusCode.TooManyRequests) { refused = response; break; }
                response.Dispose();
                if (held.WasAnswered)
                {
                    await held.DisposeAsync();
                    held = await HeldRequest.SendAsync(service.Address, "203.0.113.7");
                }
                await Task.Delay(25);
            }
            Assert.IsNotNull(refused, "the client's second request was never refused");
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.IsNotNull(refused.Headers.RetryAfter, "429 without Retry-After");
            refused.Dispose();

            using var other = await service.Client.SendAsync(SearchFrom("198.51.100.2"));
            Assert.AreEqual(HttpStatusCode.OK, other.StatusCode);

            // The brief of no ids is refused, which ends the request and frees the place.
            StringAssert.Contains(await held.ReleaseAsync(), " 400 ");
        }
        finally
        {
            await held.DisposeAsync();
        }
        // The place is given back as the request's pipeline unwinds, just after its answer is sent.
        var after = HttpStatusCode.TooManyRequests;
        for (var i = 0; i < 100 && after == HttpStatusCode.TooManyRequests; i++)
        {
            using var response = await service.Client.SendAsync(SearchFrom("203.0.113.7"));
            after = response.StatusCode;
            if (after == HttpStatusCode.TooManyRequests) await Task.Delay(20);
        }
        Assert.AreEqual(HttpStatusCode.OK, after, "the client's place was not given back");
    }
}
