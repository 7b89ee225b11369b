using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import.Html;

/// <summary>A parsed page and its address (given, or declared by the page), with helpers every profile uses.</summary>
internal sealed partial class HtmlPage(IDocument document, Uri? url)
{
    private static readonly HashSet<string> FileKinds = ["pdf", "doc", "docx", "ofd", "xls", "xlsx", "wps", "et", "zip", "rar", "7z", "txt", "ppt", "pptx"];

    public IDocument Document { get; } = document;
    public Uri? Url { get; } = url;

    public string? Meta(string name) => Dom.Meta(Document, name);

    public string? TitleTag => Document.Head is { } head && Dom.First(head, e => e.LocalName == "title") is { } t ? Text.Clean(Dom.Text(t)) : null;

    /// <summary>
    /// An href made absolute against the page's address (left as written when the address is unknown), or null when it
    /// leads anywhere but http(s): javascript:, data:, vbscript: … links are never kept. Tabs and line breaks inside an href
    /// and spaces around it are ignored as browsers ignore them ("java&amp;#09;script:").
    /// </summary>
    public string? Resolve(string href)
    {
        href = new string(href.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).Trim(' ', '\f', '\v', '\u00A0', '\0');
        if (Scheme().Match(href) is { Success: true } scheme)
        {
            if (!scheme.Groups[1].Value.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Groups[1].Value.Equals("https", StringComparison.OrdinalIgnoreCase)) return null;
            return Uri.TryCreate(href, UriKind.Absolute, out var abs) ? abs.ToString() : null;
        }
        if (Url is null) return href;
        return Uri.TryCreate(Url, href, out var rel) && rel.Scheme is "http" or "https" ? rel.ToString() : null;
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex Scheme();

    /// <summary>File kind of a link (pdf, docx, ofd …) from its path, or null for a page link.</summary>
    public static string? FileKind(string href)
    {
        var path = href.Split('?', '#')[0];
        var dot = path.LastIndexOf('.');
        if (dot < 0 || dot < path.LastIndexOf('/')) return null;
        var ext = path[(dot + 1)..].ToLowerInvariant();
        return FileKinds.Contains(ext) ? ext : null;
    }

    /// <summary>The file links under a node, as attachments (name from the link text, else the file name).</summary>
    public List<Attachment> AttachmentsIn(INode? root)
    {
        var list = new List<Attachment>();
        if (root is null) return list;
        foreach (var a in Dom.All(root, e => e.LocalName == "a" && e.HasAttribute("href")))
        {
            var href = a.GetAttribute("href")!;
            if (FileKind(href) is not { } kind || Resolve(href) is not { } url) continue;
            var name = Dom.Text(a);
            if (name.Length == 0) name = Path.GetFileName(href.Split('?', '#')[0]);
            if (list.All(x => x.Url != url)) list.Add(new Attachment(name, url, kind));
        }
        return list;
    }

    /// <summary>The page links under a node as related links (interpretations).</summary>
    public List<RelatedLink> LinksIn(INode? root, string kind = "解读")
    {
        var list = new List<RelatedLink>();
        if (root is null) return list;
        foreach (var a in Dom.All(root, e => e.LocalName == "a" && e.HasAttribute("href")))
        {
            var title = Dom.Text(a);
            var href = a.GetAttribute("href")!;
            if (title.Length == 0 || Resolve(href) is not { } url) continue;
            list.Add(new RelatedLink(title, url, kind));
        }
        return list;
    }
}
