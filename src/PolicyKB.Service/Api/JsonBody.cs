using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PolicyKB.Model;

namespace PolicyKB.Service.Api;

/// <summary>
/// Reads a JSON request body or says what is wrong with it: 415 for another media type or a charset other than UTF-8
/// (JSON between systems is UTF-8, RFC 8259), 400 naming the field for JSON that does not fit.
/// </summary>
internal static class JsonBody
{
    public static bool IsJson(HttpRequest request, out IResult? problem)
    {
        problem = null;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
            return false;
        if (type.Charset.HasValue && !IsUtf8(HeaderUtilities.RemoveQuotes(type.Charset).ToString()))
            problem = Problems.UnsupportedMediaType($"不支持请求体的字符集“{InvisibleText.Excerpt(type.Charset.ToString())}”：请以 UTF-8 发送 JSON。");
        return true;
    }

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer; an empty body is <paramref name="empty"/>.</summary>
    /// <param name="field">The field a problem names when the JSON does not say which one is wrong.</param>
    /// <param name="expected">What the body should look like, for the message.</param>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, string field, string expected, T? empty,
        CancellationToken cancellationToken) where T : class
    {
        if (!IsJson(request, out var problem))
            return (null, Problems.UnsupportedMediaType($"请以 application/json 发送：{expected}。"));
        if (problem is not null) return (null, problem);
        if (request.ContentLength == 0) return (empty, empty is null ? Problems.BadParameter(field, $"请求体为空，请发送 {expected}。") : null);
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, PolicyJson.Options, cancellationToken);
            return value is null ? (empty, empty is null ? Problems.BadParameter(field, $"请求体为 null，请发送 {expected}。") : null) : (value, null);
        }
        catch (JsonException e)
        {
            var named = FieldOf(e.Path) ?? field;
            // The serializer's own message names .NET types; the position is what helps the caller.
            var where = e.LineNumber is { } line ? $"（第 {line + 1} 行第 {e.BytePositionInLine + 1} 字节）" : "";
            return (null, Problems.BadParameter(named, named == field && e.Path is null or "$"
                ? $"请求体不是有效的 JSON{where}，请发送 {expected}。"
                : $"“{named}”的类型或格式不对{where}，请发送 {expected}。"));
        }
    }

    /// <summary>The top-level property a JSON path points into: $.maxListPages → maxListPages, $['sites'][0] → sites.</summary>
    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        var rest = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.StartsWith("$['", StringComparison.Ordinal) ? path[3..] : null;
        if (rest is null) return null;
        var end = rest.IndexOfAny(['.', '[', '\'']);
        var name = end < 0 ? rest : rest[..end];
        return name.Length is > 0 and <= 40 ? name : null;
    }
}
