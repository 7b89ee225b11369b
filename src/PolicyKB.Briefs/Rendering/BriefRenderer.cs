using System.Text.Json.Serialization;

namespace PolicyKB.Briefs;

[JsonConverter(typeof(JsonStringEnumConverter<BriefFormat>))]
public enum BriefFormat
{
    [JsonStringEnumMemberName("md")] Markdown,
    [JsonStringEnumMemberName("html")] Html,
    [JsonStringEnumMemberName("docx")] Docx,
}

/// <summary>A rendered brief: the file's bytes, its media type and its extension (with the dot).</summary>
public sealed record RenderedBrief(byte[] Content, string ContentType, string FileExtension);

/// <summary>Renders one <see cref="Brief"/> as Markdown, a standalone HTML page or a Word document.</summary>
public static class BriefRenderer
{
    public static RenderedBrief Render(Brief brief, BriefFormat format) => format switch
    {
        BriefFormat.Markdown => MarkdownBriefWriter.Render(brief),
        BriefFormat.Html => HtmlBriefWriter.Render(brief),
        BriefFormat.Docx => DocxBriefWriter.Render(brief),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Reads md / markdown / html / htm / docx / word (any case); false for anything else.</summary>
    public static bool TryParseFormat(string? text, out BriefFormat format)
    {
        switch (text?.Trim().TrimStart('.').ToLowerInvariant())
        {
            case "md" or "markdown": format = BriefFormat.Markdown; return true;
            case "html" or "htm": format = BriefFormat.Html; return true;
            case "docx" or "word": format = BriefFormat.Docx; return true;
            default: format = BriefFormat.Markdown; return false;
        }
    }
}
