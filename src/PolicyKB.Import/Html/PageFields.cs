using AngleSharp.Dom;
using PolicyKB.Model;

namespace PolicyKB.Import.Html;

/// <summary>What a site profile read from a page, before normalisation: raw strings as the page wrote them.</summary>
internal sealed record PageFields
{
    public string? Title { get; init; }
    public string? IssuersRaw { get; init; }
    /// <summary>An issuer to assume when neither the metadata nor the body names one (NDRC's own notices).</summary>
    public string? DefaultIssuer { get; init; }
    public string? NumberRaw { get; init; }
    public string? DocumentType { get; init; }
    /// <summary>The type the page's column suggests (MEE's xxgk01 holds 公告): used only when neither the 文号 nor the title gives one.</summary>
    public string? TypeHint { get; init; }
    /// <summary>False for news pages, whose titles do not end in a 公文种类.</summary>
    public bool InferType { get; init; } = true;
    public IReadOnlyList<string> Topics { get; init; } = [];
    public string? Written { get; init; }
    public string? Published { get; init; }
    public string? IndexNumber { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IElement? Body { get; init; }
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
    public IReadOnlyList<RelatedLink> RelatedLinks { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
