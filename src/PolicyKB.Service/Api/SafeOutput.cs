using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PolicyKB.Model;

namespace PolicyKB.Service.Api;

/// <summary>
/// The service's output boundary. Whatever the index holds — a document stored before the parser cleaned it, or
/// written by another tool — no answer carries bidi or zero-width controls (a title ending "‮fdp.exe" must not
/// show as "exe.pdf") or a link other than http(s) (javascript:, data:, vbscript: …).
/// </summary>
internal static class SafeOutput
{
    /// <summary>PolicyJson's shape, writing every string through <see cref="Text"/> and every url property through <see cref="Link"/>.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    public static string Text(string text) => InvisibleText.Strip(text);

    /// <summary>The link when it is an absolute http(s) URL; null otherwise (the text it labelled stays).</summary>
    public static string? Link(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return url;
        var clean = Text(url.Trim());
        return Uri.TryCreate(clean, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? clean : null;
    }

    /// <summary>A copy of <paramref name="value"/> as the JSON answers carry it, for renderers that write other formats (briefs).</summary>
    public static T Clean<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, Json), PolicyJson.Options)!;

    private static JsonSerializerOptions CreateJson()
    {
        var o = new JsonSerializerOptions(PolicyJson.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LinksOnlyToTheWeb } },
        };
        o.Converters.Add(new TextConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>Every string property named url or …Url (a document's, an attachment's, a source's, a hit's) is a link.</summary>
    private static void LinksOnlyToTheWeb(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType != typeof(string) || property.Get is not { } get) continue;
            if (!(property.Name == "url" || property.Name.EndsWith("Url", StringComparison.Ordinal))) continue;
            property.Get = owner => Link((string?)get(owner));
        }
    }

    private sealed class TextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();
        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));
        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(Text(value));
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;
    }
}
