using PolicyKB.Model;

namespace PolicyKB.Import;

/// <summary>
/// The flat JSON shape of a parsed page (what `policykb parse` prints and the samples' *.expected.json hold):
/// the document's fields with the body as plain text, plus the parse warnings.
/// </summary>
public sealed record ParseView(
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
    IReadOnlyList<ParseView.AttachmentView> Attachments,
    IReadOnlyList<RelatedLink> RelatedLinks,
    IReadOnlyList<Methodology> Methodologies,
    string? ParentId,
    IReadOnlyList<string> Warnings)
{
    public sealed record AttachmentView(string Name, string? Url, string Kind);

    public static ParseView From(PolicyDocument d, IReadOnlyList<string> warnings) => new(
        d.Id, d.Title, d.Issuers, d.IssuersRaw, d.DocumentNumber?.Normalized, d.DocumentType, d.Topics, d.Themes,
        d.WrittenDate, d.PublishedDate, d.Site.ToCode(), d.Url, d.IndexNumber, d.Keywords, d.BodyText,
        d.Attachments.Select(a => new AttachmentView(a.Name, a.Url, a.Kind)).ToList(), d.RelatedLinks, d.Methodologies,
        d.ParentId, warnings);
}
