using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyKB.Import.Html;
using PolicyKB.Model;

namespace PolicyKB.Import.Normalise;

/// <summary>
/// Turns what a profile (or a PDF/DOCX reader) found into a normalised <see cref="PolicyDocument"/>: title without its 文号,
/// canonical issuers (field, else title or body heading, else signature), 文号, dates, type, body structure, themes,
/// methodologies, id and content hash.
/// </summary>
internal sealed partial class DocumentAssembler(IssuerRegistry issuers, ThemeRules themes, DocumentTypes types, Methodologies methodologies)
{
    private const int HeadLines = 8;

    private readonly OwnNumber _numbers = new(issuers);

    /// <summary>The document without its id and hash (see <see cref="Seal"/>); warnings about its fields go to <paramref name="warnings"/>.</summary>
    public PolicyDocument Assemble(PageFields f, IReadOnlyList<string> bodyLines, Site site, string? url, List<string> warnings)
    {
        var (title, numberInTitle) = SplitTitle(f.Title ?? "");
        DocumentNumber? orderInTitle = null;
        if (numberInTitle is null) (title, orderInTitle) = OwnNumber.SplitOrderPrefix(title);
        var number = _numbers.FromField(f.NumberRaw, warnings) ?? numberInTitle ?? orderInTitle ?? _numbers.FromMasthead(bodyLines, title);
        var signature = Signatures.Find(bodyLines, issuers);
        var (issuersRaw, issuerNames) = Issuers(f, title, bodyLines, signature, number, warnings);
        var body = BodyStructure.Build(bodyLines);
        var bodyText = string.Join('\n', body.Select(b => b.Text));
        var doc = new PolicyDocument
        {
            Id = "",
            Title = title,
            Issuers = issuerNames,
            IssuersRaw = issuersRaw,
            DocumentNumber = number,
            DocumentType = types.Resolve(f.DocumentType, f.InferType ? title : null, number, f.TypeHint),
            Topics = f.Topics,
            Themes = themes.Assign(title, bodyText),
            WrittenDate = Dates.Parse(f.Written) ?? signature.Date,
            PublishedDate = Dates.Parse(f.Published),
            IndexNumber = f.IndexNumber,
            Keywords = f.Keywords,
            Site = site,
            Url = url,
            Body = body,
            Attachments = f.Attachments,
            RelatedLinks = f.RelatedLinks,
            Methodologies = methodologies.Find(new[] { title, bodyText }.Concat(f.Attachments.Select(a => a.Name))),
            Sources = url is null ? [] : [new DocumentSource(DocumentId.CanonicalUrl(url), site)],
        };
        if (body.Count == 0) warnings.Add("no body text found");
        FieldChecks.Dates(doc, warnings);
        return doc;
    }

    /// <summary>The document with its final warnings, content hash and id (from the address, else the file, else the hash).</summary>
    public static PolicyDocument Seal(PolicyDocument doc, IReadOnlyList<string> warnings, PageSource source)
    {
        doc = doc with { Warnings = warnings.ToList() };
        var hash = PolicyDocument.HashOf(doc);
        var id = doc.Url is not null ? DocumentId.FromUrl(doc.Url) : source.FilePath is not null ? DocumentId.FromFile(source.FilePath) : hash[..20];
        return doc with { Id = id, ContentHash = hash };
    }


    /// <summary>"…的通知(发改能源〔2026〕884号)" → the title without the parentheses, and the 文号 they held.</summary>
    public static (string Title, DocumentNumber? Number) SplitTitle(string title)
    {
        title = Text.Clean(title);
        var m = TrailingParentheses().Match(title);
        if (m.Success && DocumentNumber.Parse(m.Groups["inner"].Value) is { } n) return (title[..m.Index].TrimEnd(), n);
        return (title, null);
    }

    /// <summary>
    /// Issuers from the page's field when it names organisations (a date or label there was misread: dropped with a
    /// warning), else an order's or announcement's number (生态环境部令第19号), the title's or body's heading, the signature,
    /// the site's default.
    /// </summary>
    private (string? Raw, IReadOnlyList<string> Names) Issuers(PageFields f, string title, IReadOnlyList<string> lines, Signature signature, DocumentNumber? number, List<string> warnings)
    {
        if (f.IssuersRaw is { } raw)
        {
            var names = issuers.Split(raw);
            if (names.Count > 0 && names.All(n => FieldChecks.IsOrganisation(n, issuers))) return (raw, names);
            warnings.Add($"issuer: not an organisation name, dropped ('{raw}')");
        }
        if (NumberIssuer(number) is { } code)
        {
            var names = issuers.Split(code);
            if (names.All(n => FieldChecks.IsOrganisation(n, issuers))) return (code, names);
        }
        if (HeadingIssuers(title) is { } fromTitle) return (fromTitle, issuers.Split(fromTitle));
        if (BodyHeadingIssuers(lines) is { } fromHeading) return (fromHeading, issuers.Split(fromHeading));
        if (signature.IssuerLines.Count > 0)
        {
            var names = signature.IssuerLines.SelectMany(issuers.Split).Distinct().ToList();
            return (string.Join(' ', signature.IssuerLines), names);
        }
        return f.DefaultIssuer is { } d ? (null, [issuers.Resolve(d)]) : (null, []);
    }

    /// <summary>The issuer an order's or announcement's number names: 生态环境部 of 生态环境部令第19号 or 生态环境部公告2023年第29号.</summary>
    private static string? NumberIssuer(DocumentNumber? number)
    {
        var suffix = DocumentTypes.OfNumber(number);
        if (suffix is null || !number!.IssuerCode.EndsWith(suffix, StringComparison.Ordinal)) return null;
        var code = number.IssuerCode[..^suffix.Length].Trim();
        return code.Length > 0 ? code : null;
    }

    /// <summary>
    /// The issuers a heading names before 关于 ("国家发展改革委 国家能源局关于印发…") or before the verb of a covering
    /// notice ("国务院批转…", "国务院办公厅转发…"), when every name is a known issuer.
    /// </summary>
    private string? HeadingIssuers(string line)
    {
        var at = HeadingWord().Match(line) is { Success: true } m ? m.Index : -1;
        if (at <= 0) return null;
        var prefix = Text.Clean(line[..at]);
        return AllKnown(prefix) ? prefix : null;
    }

    /// <summary>Issuers in the body's heading: before 关于 on the same line, or alone on the line above it.</summary>
    private string? BodyHeadingIssuers(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < Math.Min(lines.Count, HeadLines / 2); i++)
        {
            if (!lines[i].Contains("关于", StringComparison.Ordinal)) continue;
            if (HeadingIssuers(lines[i]) is { } same) return same;
            if (lines[i].StartsWith("关于", StringComparison.Ordinal) && i > 0 && AllKnown(lines[i - 1])) return Text.Clean(lines[i - 1]);
            return null;
        }
        return null;
    }

    private bool AllKnown(string text)
    {
        var names = issuers.Split(text);
        return names.Count > 0 && names.All(issuers.IsKnown);
    }

    [GeneratedRegex("关于|批转|转发|印发")]
    private static partial Regex HeadingWord();

    [GeneratedRegex(@"[（(](?<inner>[^（()）]+)[）)]\s*$")]
    private static partial Regex TrailingParentheses();
}
