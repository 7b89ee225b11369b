using System.Net;
using System.Text;
using System.Text.Json;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>Random and hostile input against every read endpoint: the service answers 200 or 4xx, always with JSON.</summary>
[TestClass]
public sealed class FuzzTests
{
    private const int Requests = 1000;
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

    [TestMethod]
    public async Task HostileRequestsAreAnsweredWithJsonAndNeverAServerError()
    {
        var random = new Random(Seed);
        var client = SharedService.Instance.Client;
        var failures = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            var (path, body) = random.Next(10) == 0 ? ("/api/briefs", RandomBriefBody(random)) : (RandomRequest(random), null);
            using var response = body is null
                ? await client.GetAsync(path)
                : await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            if (body is not null) path += " " + body;
            var answer = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status is not (200 or (>= 400 and < 500))) failures.Add($"{status} {path}");
            else if (IsExportCsv(path, response)) continue;
            else if (!IsJson(answer)) failures.Add($"{status} without JSON body: {path}");
            if (failures.Count >= 10) break;
        }
        Assert.IsEmpty(failures, $"seed {Seed}:\n" + string.Join("\n", failures));
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
    private static bool IsExportCsv(string path, HttpResponseMessage response) =>
        path.StartsWith("/api/export?", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK
        && response.Content.Headers.ContentType?.MediaType == "text/csv";

    private static bool IsJson(string body)
    {
        try { using var _ = JsonDocument.Parse(body); return true; }
        catch (JsonException) { return false; }
    }
}
