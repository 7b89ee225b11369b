using PolicyKB.Model;

namespace PolicyKB.Cli.Commands;

/// <summary>The JSON contract of `policykb parse`: the document flattened for reading (body as plain text), plus the parser's warnings.</summary>
internal sealed record ParsedDocumentView(
    string Id,
    string Title,
    IReadOnlyList<string> Issuers,
    string? IssuersRaw,
    string? DocumentNumber,
    string? DocumentType,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Themes,
    DateOnly? WrittenDate,
    DateOnly? PublishedDate,
    string Site,
    string? Url,
    string? IndexNumber,
    IReadOnlyList<string> Keywords,
    string Body,
    IReadOnlyList<BodyBlock> Structure,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<RelatedLink> RelatedLinks,
    IReadOnlyList<Methodology> Methodologies,
    string? ParentId,
    string ContentHash,
    IReadOnlyList<string> Warnings)
{
    public static ParsedDocumentView From(PolicyDocument d, IReadOnlyList<string> warnings) => new(
        d.Id, d.Title, d.Issuers, d.IssuersRaw, d.DocumentNumber?.Normalized, d.DocumentType, d.Topics, d.Themes,
        d.WrittenDate, d.PublishedDate, d.Site.ToCode(), d.Url, d.IndexNumber, d.Keywords, d.BodyText, d.Body,
        d.Attachments, d.RelatedLinks, d.Methodologies, d.ParentId, d.ContentHash, warnings);
}
