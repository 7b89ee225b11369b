using System.Net.Http.Headers;
using System.Text;
using PolicyKB.Service.Api;

namespace PolicyKB.Service.Tests.Api;

/// <summary>Admin requests as a caller sends them: any body and Content-Type, with or without the key, from any forwarded address.</summary>
internal static class AdminRequests
{
    public static HttpRequestMessage Post(string path, string? body, string? contentType, string? key, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            // Set without parsing, so that a malformed or unknown charset reaches the server as the caller wrote it.
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return WithHeaders(request, key, forwardedFor);
    }

    public static HttpRequestMessage Get(string path, string? key, string? forwardedFor = null)
        => WithHeaders(new HttpRequestMessage(HttpMethod.Get, path), key, forwardedFor);

    private static HttpRequestMessage WithHeaders(HttpRequestMessage request, string? key, string? forwardedFor)
    {
        if (key is not null) request.Headers.Add(AdminEndpoints.ApiKeyHeader, key);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    public static MediaTypeHeaderValue Json => new("application/json");

    public const string KeyHeader = AdminEndpoints.ApiKeyHeader;
}
