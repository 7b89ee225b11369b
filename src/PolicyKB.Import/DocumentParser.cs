using AngleSharp.Html.Parser;
using PolicyKB.Import.Encodings;
using PolicyKB.Import.Html;
using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import;

/// <summary>
/// Parses a page (HTML in any of the supported encodings) or an attachment file (PDF, DOCX) into a normalised document.
/// The site profile comes from the address (given, or declared by the page), else from the page's structure, else the
/// generic parser. Bad input gives a result with an error; it never throws.
/// </summary>
public sealed class DocumentParser
{
    private const int BinaryScanBytes = 8000;
    private static readonly SiteProfile[] Profiles = [new GovCnProfile(), new NdrcProfile(), new MeeNewsProfile(), new MeeProfile()];
    private static readonly SiteProfile Generic = new GenericProfile();

    private readonly DocumentAssembler _assembler;

    /// <summary>One HTML parser per thread: building one costs more than parsing a page, and sharing one across threads is not documented as safe.</summary>
    private static readonly ThreadLocal<HtmlParser> Html = new(() => new HtmlParser());

    public DocumentParser(IssuerRegistry issuers, ThemeRules themes, DocumentTypes types, Methodologies methodologies)
    {
        _assembler = new DocumentAssembler(issuers, themes, types, methodologies);
    }

    public ParseResult Parse(byte[] content, PageSource source)
    {
        try
        {
            return ParseContent(content, source);
        }
        // The import of a folder must survive a page that trips a bug here; the error names it so it can be fixed.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ParseResult.Fail($"parser error ({e.GetType().Name}: {e.Message})");
        }
    }

    private ParseResult ParseContent(byte[] content, PageSource source)
    {
        if (content.Length == 0) return ParseResult.Fail("empty file (0 bytes)");
        var name = source.FilePath ?? source.Url;
        return AttachmentText.Kind(content, name is null ? null : Path.GetExtension(name)) switch
        {
            AttachmentText.FileKind.Pdf => ParseFile(AttachmentText.Pdf(content), "PDF", source),
            AttachmentText.FileKind.Docx => ParseFile(AttachmentText.Docx(content), "DOCX", source),
            _ => ParseHtml(content, source),
        };
    }

    private ParseResult ParseHtml(byte[] content, PageSource source)
    {
        if (LooksBinary(content)) return ParseResult.Fail("binary content: not an HTML page, PDF or DOCX file");
        var (decoded, error) = TextDecoder.Decode(content, source.ContentType);
        if (decoded is null) return ParseResult.Fail(error!);
        var warnings = new List<string>();
        if (decoded.Warning is not null) warnings.Add(decoded.Warning);

        var document = Html.Value!.ParseDocument(decoded.Text);
        var declaredUrl = DeclaredUrl(document);
        var url = AbsoluteHttp(source.Url) ?? AbsoluteHttp(declaredUrl);
        var page = new HtmlPage(document, url is null ? null : new Uri(url));
        var profile = (page.Url is { } u ? Profiles.FirstOrDefault(p => p.MatchesUrl(u)) : null)
                      ?? Profiles.FirstOrDefault(p => p.MatchesStructure(page))
                      ?? Generic;
        var fields = profile.Extract(page);
        // A template change must not lose the page: fall back to the generic title and main text, and say so.
        if (string.IsNullOrWhiteSpace(fields.Title) && GenericProfile.Title(page) is { } title)
        {
            fields = fields with { Title = title };
            if (profile != Generic) warnings.Add($"the {profile.Name} profile found no title; used the page's heading");
        }
        if (fields.Body is null && profile != Generic && GenericProfile.DensestBlock((AngleSharp.Dom.INode?)document.Body ?? document) is { } main)
        {
            fields = fields with { Body = main };
            warnings.Add($"the {profile.Name} profile found no body; used the densest text block");
        }
        if (string.IsNullOrWhiteSpace(fields.Title))
            return ParseResult.Fail(IsTruncated(decoded.Text) ? "no title found: the page looks truncated" : "no title found: not a document page", warnings);
        var lines = fields.Body is null ? [] : Dom.Lines(fields.Body);
        if (IsTruncated(decoded.Text))
        {
            if (lines.Count == 0) return ParseResult.Fail("the page looks truncated: no closing </html> and no body text", warnings);
            warnings.Add("the page looks truncated (no closing </html>)");
        }
        if (profile == Generic && IsLinkList(document, lines))
            return ParseResult.Fail("not a document page: a list of links (index or list page)", warnings);

        var doc = _assembler.Assemble(fields, lines, profile.Site, url, warnings);
        // The generic parser's warning names every field it could not find; a site profile should have found its key fields.
        if (profile == Generic) warnings.Add(GenericWarning(doc));
        else FieldChecks.Missing(doc, policyDocument: fields.InferType, warnings);
        return new ParseResult(DocumentAssembler.Seal(doc, warnings, source), warnings, null);
    }

    private ParseResult ParseFile(string? text, string kind, PageSource source)
    {
        if (text is null) return ParseResult.Fail($"unreadable {kind} file (damaged, truncated or encrypted)");
        var lines = text.Split('\n').Select(Text.Clean).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return ParseResult.Fail($"{kind} file holds no text (scanned images?)");
        var title = lines[0];
        var fields = new PageFields { Title = title };
        var warnings = new List<string>();
        var url = AbsoluteHttp(source.Url);
        var site = url is null ? Site.Other : Profiles.FirstOrDefault(p => p.MatchesUrl(new Uri(url)))?.Site ?? Site.Other;
        var doc = _assembler.Assemble(fields, lines, site, url, warnings);
        return new ParseResult(DocumentAssembler.Seal(doc, warnings, source), warnings, null);
    }

    /// <summary>A page whose main text is a few lines among many links: a list page, not a document.</summary>
    private static bool IsLinkList(AngleSharp.Dom.IDocument document, List<string> lines)
    {
        const int MinDocumentChars = 200, MinListLinks = 30;
        var text = lines.Sum(l => l.Length);
        return text < MinDocumentChars && Dom.Elements(document).Count(e => e.LocalName == "a") >= MinListLinks;
    }

    private static string GenericWarning(PolicyDocument doc)
    {
        var missing = new List<string>();
        if (doc.Issuers.Count == 0) missing.Add("issuers");
        if (doc.DocumentNumber is null) missing.Add("document number");
        if (doc.DocumentType is null) missing.Add("document type");
        if (doc.WrittenDate is null) missing.Add("written date");
        if (doc.PublishedDate is null) missing.Add("published date");
        if (doc.Body.Count == 0) missing.Add("body");
        return missing.Count == 0
            ? "no site profile for this page: read with the generic parser"
            : $"no site profile for this page: read with the generic parser; could not find: {string.Join(", ", missing)}";
    }

    /// <summary>The address the page declares: &lt;link rel=canonical&gt;, og:url, or a meta url.</summary>
    private static string? DeclaredUrl(AngleSharp.Dom.IDocument doc)
    {
        var head = doc.Head;
        if (head is null) return null;
        var canonical = Dom.First(head, e => e.LocalName == "link" && string.Equals(e.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase));
        return canonical?.GetAttribute("href") ?? Dom.Meta(doc, "og:url") ?? Dom.Meta(doc, "url");
    }

    private static string? AbsoluteHttp(string? url)
        => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.ToString() : null;

    /// <summary>NUL bytes in text mean binary data (UTF-16 pages announce themselves with a BOM).</summary>
    private static bool LooksBinary(byte[] content)
    {
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF))) return false;
        return content.AsSpan(0, Math.Min(content.Length, BinaryScanBytes)).IndexOf((byte)0) >= 0;
    }

    private static bool IsTruncated(string html)
    {
        var tail = html.AsSpan(Math.Max(0, html.Length - 2048));
        return tail.IndexOf("</html", StringComparison.OrdinalIgnoreCase) < 0 && tail.IndexOf("</body", StringComparison.OrdinalIgnoreCase) < 0;
    }
}
