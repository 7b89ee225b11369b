using System.Text.Json.Serialization;

namespace PolicyKB.Model;

/// <summary>
/// One policy document as the knowledge base knows it: parsed from a page or a local file, normalised,
/// and ready to index. Immutable: a re-parse produces a new instance (use <c>with</c>).
/// </summary>
public sealed record PolicyDocument
{
    /// <summary>Stable id: derived from the canonical URL, or from the file path for local files (see <see cref="DocumentId"/>).</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>Canonical issuer names, in the order the document names them (joint issuers split).</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];

    /// <summary>The issuer text as the page gave it, before splitting and canonicalisation.</summary>
    public string? IssuersRaw { get; init; }

    /// <summary>文号.</summary>
    public DocumentNumber? DocumentNumber { get; init; }

    /// <summary>公文种类 (通知, 意见, 方案 …): from the page, else inferred from the title's last word.</summary>
    public string? DocumentType { get; init; }

    /// <summary>The source's own 主题分类 / 分类 path segments (e.g. ["财政、金融、审计", "其他"]); not the project's themes.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>The project's own themes (碳市场, 绿色金融 …) assigned by the editable theme rules.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>成文日期.</summary>
    public DateOnly? WrittenDate { get; init; }

    /// <summary>发布日期.</summary>
    public DateOnly? PublishedDate { get; init; }

    /// <summary>索引号.</summary>
    public string? IndexNumber { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public Site Site { get; init; } = Site.Other;

    public string? Url { get; init; }

    /// <summary>The body as structure: headings (一、/（一）/1.) and paragraphs, in order.</summary>
    public IReadOnlyList<BodyBlock> Body { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>Links the page gives to related pages such as interpretations (解读).</summary>
    public IReadOnlyList<RelatedLink> RelatedLinks { get; init; } = [];

    /// <summary>CCER methodologies the document names.</summary>
    public IReadOnlyList<Methodology> Methodologies { get; init; } = [];

    /// <summary>Every place this document was published (a notice reposted on gov.cn and on the ministry's site has two).</summary>
    public IReadOnlyList<DocumentSource> Sources { get; init; } = [];

    /// <summary>Crawled versions of the page: fetch time and content hash of each (newest last).</summary>
    public IReadOnlyList<DocumentVersion> Versions { get; init; } = [];

    /// <summary>For a document made from an attachment file: the id of the notice it belongs to, when known.</summary>
    public string? ParentId { get; init; }

    /// <summary>What the parser found missing or suspicious ("issuer: missing", "document number: …"), kept so a knowledge base
    /// can count them (policykb check --fields). Part of the content hash: a re-parse that reads a page better updates it.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>SHA-256 (hex) of the normalised content (title, metadata, body); equal hashes mean an unchanged document.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>SHA-256 (hex) of the normalised content: everything but the id, the hash itself, sources and versions.</summary>
    public static string HashOf(PolicyDocument doc)
    {
        var content = doc with { Id = "", ContentHash = "", Sources = [], Versions = [] };
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(content, PolicyJson.Options);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }

    /// <summary>The body as plain text, one paragraph or heading a line.</summary>
    [JsonIgnore]
    public string BodyText => TextOf(Body);

    /// <summary>Body blocks as plain text, one block a line.</summary>
    public static string TextOf(IEnumerable<BodyBlock> body) => string.Join('\n', body.Select(b => b.Text));
}

/// <summary>Which site family a document came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Site>))]
public enum Site
{
    [JsonStringEnumMemberName("govcn")] GovCn,
    [JsonStringEnumMemberName("ndrc")] Ndrc,
    [JsonStringEnumMemberName("mee")] Mee,
    [JsonStringEnumMemberName("other")] Other,
}

public static class SiteNames
{
    public static string ToCode(this Site site) => site switch
    {
        Site.GovCn => "govcn",
        Site.Ndrc => "ndrc",
        Site.Mee => "mee",
        _ => "other",
    };

    public static bool TryParse(string? code, out Site site)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "govcn": site = Site.GovCn; return true;
            case "ndrc": site = Site.Ndrc; return true;
            case "mee": site = Site.Mee; return true;
            case "other": site = Site.Other; return true;
            default: site = Site.Other; return false;
        }
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<BodyBlockKind>))]
public enum BodyBlockKind
{
    [JsonStringEnumMemberName("paragraph")] Paragraph,
    [JsonStringEnumMemberName("heading")] Heading,
}

/// <summary>A paragraph or a heading of the body. Heading levels: 1 = 一、 2 = （一） 3 = 1. 4 = （1）.</summary>
public sealed record BodyBlock(BodyBlockKind Kind, string Text, int Level = 0)
{
    public static BodyBlock Paragraph(string text) => new(BodyBlockKind.Paragraph, text);
    public static BodyBlock Heading(string text, int level) => new(BodyBlockKind.Heading, text, level);
}

/// <summary>An attachment of a notice. <see cref="Kind"/> is the file kind (pdf, docx, doc, ofd, xlsx, other).
/// <see cref="Text"/> holds the extracted text when the attachment was fetched and read.</summary>
public sealed record Attachment(string Name, string? Url, string Kind)
{
    public string? Text { get; init; }

    /// <summary>What tells two attachment entries apart: the address, else the name.</summary>
    [JsonIgnore]
    public string Key => Url ?? Name;

    /// <summary>The file name it is known by (from its address, else its name): how an attachment file finds its notice.</summary>
    [JsonIgnore]
    public string FileName => Path.GetFileName((Url ?? Name).Split('?', '#')[0]).Trim();
}

/// <summary>A link from a page to a related page, such as an interpretation (解读).</summary>
public sealed record RelatedLink(string Title, string Url, string Kind = "解读");

/// <summary>A CCER greenhouse-gas methodology: code CCER-SS-NNN-VNN, name, sector, version.</summary>
public sealed record Methodology(string Code, string? Name, string? Sector, string Version);

/// <summary>
/// One place a document was published, with what that place last said: its own title and date, and the content hash of
/// its page, so that a later change to a repost is seen even while its text is kept as one document with the original.
/// <see cref="FetchedFrom"/> is set when the page was not fetched from <see cref="Url"/> itself but from a mirror standing
/// in for it (a base-URL override): where its bytes really came from.
/// </summary>
public sealed record DocumentSource(string Url, Site Site, string? FetchedFrom = null)
{
    public string? Title { get; init; }
    public DateOnly? PublishedDate { get; init; }
    /// <summary><see cref="PolicyDocument.ContentHash"/> of this source's page when it was last read.</summary>
    public string? ContentHash { get; init; }

    /// <summary>For a repost kept in another document: the id it has on its own (the holder is found by it).</summary>
    public string? Id { get; init; }

    /// <summary>For a repost kept in another document: the attachments it links (address, else name), kept in the document too.</summary>
    public IReadOnlyList<string>? AttachmentKeys { get; init; }
}

/// <summary>One fetched version of a page.</summary>
public sealed record DocumentVersion(DateTimeOffset FetchedAt, string ContentHash)
{
    /// <summary>
    /// What this version said, kept once a later version replaced it (the latest version's text is the document itself);
    /// null for the latest, and for versions older than the texts the index keeps (their pages stay in snapshots/).
    /// </summary>
    public VersionText? Text { get; init; }
}

/// <summary>The text of an earlier version of a document: title, 发布日期 and body as that version read.</summary>
public sealed record VersionText(string Title, DateOnly? PublishedDate, IReadOnlyList<BodyBlock> Body)
{
    public static VersionText Of(PolicyDocument d) => new(d.Title, d.PublishedDate, d.Body);
}
