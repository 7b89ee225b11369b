using System.Net;
using System.Text;
using System.Text.Json;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>
/// Random and hostile input against every endpoint — query strings, bodies in any media type and charset, admin calls
/// with and without the key from many forwarded addresses: the service answers 2xx or 4xx, always with JSON.
/// Everything stays on loopback: crawls go to a closed local port, path imports to a temporary root.
/// </summary>
[TestClass]
public sealed class FuzzTests
{
    private const int Requests = 2000;
    /// <summary>Fixed so that a failure reproduces; POLICYKB_FUZZ_SEED explores other sequences.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("POLICYKB_FUZZ_SEED"), out var s) ? s : 20260424;

    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR 1=1 --", "\"", "\"碳达峰", "((((((", ")))", "*", "*:*", "?", "碳*",
        "title:", ":", "AND", "OR NOT", "NOT NOT NOT", "a AND OR b", "+-!", "[a TO z]", "{* TO *}", "/.*/", "~", "碳达峰~99", "碳达峰^9999999",
        "\\", "\\\\\"", "%", "%00", "\0", "\u0001\u0002", "\uFFFF", "\uFEFF", "👍🏽", "\u202Eevil", "../../etc/passwd", "${jndi:ldap://x}",
        "国发〔2021〕23号", "发改能源[2023]", "“碳达峰”", "（", "】", "&amp;", "&#x3c;", "null", "undefined", "NaN", "-1", "0", "1e309",
        "2023-02-30", "9999-99-99", "0000", "2023-00", " ", "\t\n", new string('碳', 499), new string('a', 501), new string('"', 300),
        string.Concat(Enumerable.Repeat("a OR ", 100)), string.Concat(Enumerable.Repeat("(", 200)), string.Concat(Enumerable.Repeat("碳* ", 120)),
    ];

    private static readonly string[] SearchParameters =
        ["q", "issuer", "theme", "topic", "type", "site", "year", "month", "from", "to", "writtenFrom", "writtenTo", "methodology", "sort", "page", "size", "unknown"];

    /// <summary>Closed on every machine we run on: a crawl sent there fails at once, without leaving loopback.</summary>
    private const string DeadMirror = "http://127.0.0.1:9/";
    private const string AdminClient = "198.51.100.1";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task HostileRequestsAreAnsweredWithJsonAndNeverAServerError()
    {
        var root = RunningService.NewTemporaryFolder();
        Directory.CreateDirectory(Path.Combine(root, "inbox"));
        foreach (var sample in Directory.EnumerateFiles(RunningService.SamplesDirectory(), "*.html").Take(2))
            File.Copy(sample, Path.Combine(root, "inbox", Path.GetFileName(sample)));
        string[] settings =
        [
            "--PolicyKB:ImportRoots:0=" + Path.Combine(root, "inbox"), "--PolicyKB:TrustedProxies:0=127.0.0.1",
            "--PolicyKB:RateLimits:FailedAdminAuthLimit=20",
            "--Crawl:BaseUrls:govcn=" + DeadMirror, "--Crawl:BaseUrls:ndrc=" + DeadMirror, "--Crawl:BaseUrls:mee=" + DeadMirror,
            "--Crawl:BaseUrls:ccer=" + DeadMirror, "--Crawl:MaxTries=1",
            "--Crawl:AllowBaseUrlOverride=true", "--Crawl:BaseUrlOverrideHosts:0=127.0.0.1:9",
        ];
        try
        {
            await using var service = await RunningService.StartAsync(settings: settings);
            var random = new Random(Seed);
            var failures = new List<string>();
            var statuses = new SortedDictionary<int, int>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < Requests; i++)
            {
                using var request = random.Next(10) switch
                {
                    < 3 => AdminRequest(random, root),
                    3 => BodyRequest("/api/briefs", RandomBriefBody(random), RandomMediaType(random), random),
                    _ => new HttpRequestMessage(HttpMethod.Get, RandomRequest(random)),
                };
                var what = await DescribeAsync(request);
                using var response = await service.Client.SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status is not ((>= 200 and < 300) or (>= 400 and < 500))) failures.Add($"{status} {what}");
                else if (IsExportCsv(request, response)) continue;
                else if (!IsJson(answer)) failures.Add($"{status} without JSON body: {what}");
                if (failures.Count >= 10) break;
            }
            TestContext.WriteLine($"{Requests} requests in {clock.Elapsed.TotalSeconds:0.0} s; statuses: " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
            Assert.IsEmpty(failures, $"seed {Seed}:\n" + string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The request as a failure message shows it: method, path, Content-Type as sent, the start of the body.</summary>
    private static async Task<string> DescribeAsync(HttpRequestMessage request)
    {
        var what = $"{request.Method} {request.RequestUri}";
        if (request.Content is null) return what;
        var type = request.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(",", values) : "(none)";
        var body = Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync());
        return $"{what} [{type}] {(body.Length <= 200 ? body : body[..200] + "…")}";
    }

    private static readonly string[] MediaTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=UTF8", "application/json; charset=\"utf-8\"",
        "application/json; charset=utf-7", "application/json; charset=bogus", "application/json; charset=utf-16", "application/json; charset=",
        "application/json; charset=\"\"", "application/json;;;", "application/json; charset=utf-8; charset=utf-7", "application/problem+json",
        "application/merge-patch+json; charset=latin1", "text/json", "text/plain", "text/plain; charset=utf-7", "application/xml",
        "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-7", "multipart/form-data",
        "multipart/form-data; boundary=", "multipart/form-data; boundary=b", "multipart/form-data; boundary=b; charset=bogus",
        "multipart/mixed; boundary=b", "*/*", "application/*", "", ";", "=", "application/json\t", "garbage", "application/json; boundary=b",
    ];

    /// <summary>Mostly JSON, often anything else; sometimes no Content-Type at all.</summary>
    private static string? RandomMediaType(Random random) => random.Next(6) switch
    {
        0 => null,
        < 3 => "application/json",
        _ => MediaTypes[random.Next(MediaTypes.Length)],
    };

    private static HttpRequestMessage BodyRequest(string path, string? body, string? contentType, Random random)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            // Sometimes bytes that are not UTF-8 at all.
            var bytes = random.Next(15) == 0 ? Encoding.Latin1.GetBytes(body) : Encoding.UTF8.GetBytes(body);
            request.Content = new ByteArrayContent(bytes);
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return request;
    }

    private static readonly string[] ForwardedFor =
        ["203.0.113.1", "203.0.113.2", "203.0.113.3", "::1", "garbage", "1.2.3.4, 5.6.7.8", "[::1]:80", "", "999.1.1.1", "203.0.113.4:65536"];

    /// <summary>An admin call: the right key most times (from one address that never fails), else none or a guess from many.</summary>
    private static HttpRequestMessage AdminRequest(Random random, string root)
    {
        var request = random.Next(8) switch
        {
            0 => new HttpRequestMessage(HttpMethod.Get, "/api/crawl"),
            < 4 => BodyRequest("/api/crawl", random.Next(8) == 0 ? null : RandomCrawlBody(random), RandomMediaType(random), random),
            < 6 => BodyRequest("/api/import", RandomImportBody(random, root), RandomMediaType(random), random),
            _ => MultipartImport(random),
        };
        var right = random.Next(3) > 0;
        if (right) request.Headers.TryAddWithoutValidation(Api.AdminRequests.KeyHeader, RunningService.AdminKey);
        else if (random.Next(2) == 0) request.Headers.TryAddWithoutValidation(Api.AdminRequests.KeyHeader, Ascii(Value(random)));
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", right ? AdminClient : ForwardedFor[random.Next(ForwardedFor.Length)]);
        return request;
    }

    private static string Ascii(string s) => new(s.Where(c => c is >= ' ' and < (char)0x7F).ToArray());

    /// <summary>A hostile file name that HttpClient still agrees to send (it refuses quotes and backslashes in one).</summary>
    private static string FileName(string s) => new(Ascii(s).Where(c => c is not ('"' or '\\')).ToArray());

    private static string RandomCrawlBody(Random random)
    {
        string Json(string value) => JsonSerializer.Serialize(value);
        string Number() => random.Next(6) switch
        {
            0 => "-1", 1 => "0", 2 => "1e308", 3 => random.Next(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            4 => "0.5", _ => Json(Value(random)),
        };
        string[] sites = ["govcn", "ndrc", "mee", "ccer", "MEE", " mee ", "", "example"];
        string[] urls = [DeadMirror, "http://127.0.0.1:9/x/", "http://10.0.0.1/", "file:///etc/", "javascript:alert(1)", "http://127.0.0.1:9@evil/", "//127.0.0.1:9/"];
        return random.Next(8) switch
        {
            0 => Value(random),
            1 => $"{{\"sites\": [{Json(sites[random.Next(sites.Length)])}], \"maxListPages\": {Number()}}}",
            2 => $"{{\"sites\": {Json(Value(random))}}}",
            3 => $"{{\"recheckAfterDays\": {Number()}, \"ratePerSecond\": {Number()}}}",
            4 => $"{{\"sites\": [\"mee\"], \"baseUrls\": {{{Json(sites[random.Next(sites.Length)])}: {Json(urls[random.Next(urls.Length)])}}}, \"maxListPages\": 1}}",
            5 => $"{{\"baseUrls\": {Json(Value(random))}, \"sites\": null}}",
            6 => "{\"sites\": [\"mee\"], \"maxListPages\": 1, \"recheckAfterDays\": 0}",
            _ => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 50)).Select(_ => Number())) + "]",
        };
    }

    private static string RandomImportBody(Random random, string root)
    {
        string Json(string value) => JsonSerializer.Serialize(value);
        string[] paths =
        [
            Path.Combine(root, "inbox"), Path.Combine(root, "inbox", "..", ".."), root, "/", "/etc/passwd", "/proc/self/environ", "../../etc",
            Path.Combine(root, "inbox", "missing.html"), "inbox", "", " ", "\0", "C:\\Windows", new string('a', 5000),
        ];
        return random.Next(5) switch
        {
            0 => Value(random),
            1 => $"{{\"path\": {Json(Value(random))}}}",
            2 => $"{{\"path\": {random.Next(-3, 3)}}}",
            _ => $"{{\"path\": {Json(paths[random.Next(paths.Length)])}}}",
        };
    }

    /// <summary>Uploads: well-formed with hostile file names and contents, or cut off, or without files.</summary>
    private static HttpRequestMessage MultipartImport(Random random)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/import");
        if (random.Next(3) == 0)
        {
            var raw = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + Ascii(Value(random)) + "\"\r\n\r\n" + Value(random)));
            raw.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
            request.Content = raw;
            return request;
        }
        var form = new MultipartFormDataContent();
        var count = random.Next(0, 3);
        for (var i = 0; i < count; i++)
        {
            var html = $"<html><head><title>{Value(random)}</title></head><body><h1>{Value(random)}</h1><p>{Value(random)}</p></body></html>";
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(html)), random.Next(4) == 0 ? "other" : "files", FileName(Value(random)) + ".html");
        }
        if (count == 0) form.Add(new StringContent(Value(random)), "path");
        request.Content = form;
        return request;
    }

    private static string RandomRequest(Random random)
    {
        switch (random.Next(10))
        {
            case 0: return "/api/suggest?prefix=" + Encode(Value(random), random) + (random.Next(3) == 0 ? "&max=" + Encode(Value(random), random) : "");
            // Kestrel itself refuses a NUL in the path (400 before any application code runs), so ids carry none.
            case 1: return "/api/documents/" + Encode(Value(random).Replace("\0", ""), random).Replace("%00", "");
            case 2: return "/api/export?format=" + (random.Next(2) == 0 ? "json" : Encode(Value(random), random)) + "&" + RandomQuery(random);
            case 3: return "/api/facets?" + RandomQuery(random);
            default: return "/api/search?" + RandomQuery(random);
        }
    }

    /// <summary>A brief request as JSON (the preview format, so that every answer is JSON), often malformed.</summary>
    private static string RandomBriefBody(Random random)
    {
        string Json(string value) => JsonSerializer.Serialize(value);
        return random.Next(7) switch
        {
            0 => Value(random),
            1 => $"{{\"ids\": [{Json(Value(random))}, {Json(Value(random))}]}}",
            2 => $"{{\"ids\": {Json(Value(random))}}}",
            3 => $"{{\"search\": {{\"q\": {Json(Value(random))}, \"from\": {Json(Value(random))}}}}}",
            4 => $"{{\"ids\": [\"x\"], \"format\": {(random.Next(2) == 0 ? "\"json\"" : Json(Value(random)))}, \"date\": {Json(Value(random))}}}",
            5 => $"{{\"ids\": [\"x\"], \"number\": {random.Next(-3, 3)}, \"issueOfYear\": {Json(Value(random))}}}",
            _ => "{\"ids\": [" + string.Join(",", Enumerable.Range(0, random.Next(0, 600)).Select(i => Json("id" + i))) + "]}",
        };
    }

    private static string RandomQuery(Random random)
    {
        var sb = new StringBuilder();
        var count = random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(SearchParameters[random.Next(SearchParameters.Length)]).Append('=').Append(Encode(Value(random), random));
        }
        return sb.ToString();
    }

    private static string Value(Random random) => random.Next(4) switch
    {
        0 => Hostile[random.Next(Hostile.Length)],
        1 => RandomText(random),
        2 => random.Next(-5, 20000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Hostile[random.Next(Hostile.Length)] + " " + RandomText(random),
    };

    private static string RandomText(Random random)
    {
        var length = random.Next(0, 40);
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0x4E00, 0x9FA5),
                1 => (char)random.Next(0x20, 0x7F),
                2 => "碳达峰绿色金融国务院发改委〔〕《》“”（）、，。"[random.Next(24)],
                _ => (char)random.Next(0x01, 0x3000),
            });
        }
        return sb.ToString();
    }

    /// <summary>Percent-encodes, sometimes as raw invalid UTF-8 bytes that no well-behaved client would send.</summary>
    private static string Encode(string value, Random random)
    {
        if (random.Next(20) == 0) return "%ED%A0%80%FF%C3" + Uri.EscapeDataString(new string(value.Where(c => !char.IsSurrogate(c)).ToArray()));
        return Uri.EscapeDataString(new string(value.Where(c => !char.IsSurrogate(c)).ToArray()));
    }

    /// <summary>An export whose format is blank means the default, CSV: the one 200 that is not JSON.</summary>
    private static bool IsExportCsv(HttpRequestMessage request, HttpResponseMessage response) =>
        request.RequestUri!.OriginalString.StartsWith("/api/export?", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK
        && response.Content.Headers.ContentType?.MediaType == "text/csv";

    private static bool IsJson(string body)
    {
        try { using var _ = JsonDocument.Parse(body); return true; }
        catch (JsonException) { return false; }
    }
}
