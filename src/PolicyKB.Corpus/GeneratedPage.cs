using System.Security.Cryptography;
using System.Text;
using PolicyKB.Model;

namespace PolicyKB.Corpus;

/// <summary>An attachment link of a generated page: the link text, the relative address and the file kind (pdf, ofd, docx, xlsx).</summary>
public sealed record GeneratedAttachment(string Name, string Href, string Kind);

/// <summary>
/// One generated page: the HTML bytes as the site would serve them, where they belong (file name, URL, site),
/// and the ground truth a parser should recover from them.
/// </summary>
public sealed record GeneratedPage
{
    /// <summary>Position in the corpus; with the seed it fixes the whole page.</summary>
    public required long Index { get; init; }

    /// <summary>Path relative to the corpus folder, with '/' separators: site/bucket/name.</summary>
    public required string FileName { get; init; }

    public required string Url { get; init; }
    public required Site Site { get; init; }

    /// <summary>The page as served: UTF-8, or GBK for some old pages (see <see cref="Charset"/>).</summary>
    public byte[] Html { get; init; } = [];

    /// <summary>The charset the page declares and is encoded in: "utf-8" or "gb2312".</summary>
    public string Charset { get; init; } = "utf-8";

    // Ground truth.
    public required string Title { get; init; }
    /// <summary>Issuers as the document names them, lead first (names of the document's year: 环境保护部 before 2018).</summary>
    public required IReadOnlyList<string> Issuers { get; init; }
    /// <summary>The normalised 文号 (发改能源〔2026〕884号), or null when the page gives none.</summary>
    public string? DocumentNumber { get; init; }
    /// <summary>The 文号 as printed on the page (brackets and digits may vary).</summary>
    public string? DocumentNumberAsPrinted { get; init; }
    /// <summary>公文种类: the title's last word (通知, 意见, 公告, 函, 复函).</summary>
    public required string DocumentType { get; init; }
    public required DateOnly WrittenDate { get; init; }
    public required DateOnly PublishedDate { get; init; }
    /// <summary>The generator's themes (the subject it wrote about), main theme first.</summary>
    public required IReadOnlyList<string> Themes { get; init; }
    /// <summary>The site's own classification: a gov.cn 主题分类 path or an MEE 分类.</summary>
    public required string Topic { get; init; }
    public string? IndexNumber { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>The body text proper: salutation, paragraphs and headings (not the page title, 文号 line or signature).</summary>
    public required IReadOnlyList<BodyBlock> Body { get; init; }
    /// <summary>The signature lines: the issuers, one a line, then the 成文日期 as printed.</summary>
    public required IReadOnlyList<string> Signature { get; init; }
    /// <summary>How many body blocks come before the signature: a transmittal signs before the text it transmits.</summary>
    public int SignatureAt { get; init; }
    public IReadOnlyList<GeneratedAttachment> Attachments { get; init; } = [];

    public string BodyText => string.Join('\n', Body.Select(b => b.Text));

    /// <summary>
    /// The document a perfect parser would produce from this page (id from the URL), for tests and
    /// benchmarks that index without parsing HTML.
    /// </summary>
    public PolicyDocument ToDocument()
    {
        var number = Model.DocumentNumber.Parse(DocumentNumber);
        var baseUri = new Uri(Url);
        var doc = new PolicyDocument
        {
            Id = DocumentId.FromUrl(Url),
            Title = Title,
            Issuers = Issuers,
            IssuersRaw = string.Join(' ', Issuers),
            DocumentNumber = number,
            DocumentType = DocumentType,
            Topics = Topic.Split('\\'),
            Themes = Themes,
            WrittenDate = WrittenDate,
            PublishedDate = PublishedDate,
            IndexNumber = IndexNumber,
            Keywords = Keywords,
            Site = Site,
            Url = Url,
            Body = Body,
            Attachments = [.. Attachments.Select(a => new Attachment(a.Name, new Uri(baseUri, a.Href).AbsoluteUri, a.Kind))],
            Sources = [new DocumentSource(Url, Site)],
        };
        return doc with { ContentHash = Hash(doc) };
    }

    private static string Hash(PolicyDocument d)
    {
        var text = string.Join('\u001f', d.Title, string.Join('|', d.Issuers), d.DocumentNumber?.Normalized ?? "", d.WrittenDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", d.BodyText);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
