using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import.Html;

/// <summary>
/// Any other page: the title from a heading that the &lt;title&gt; repeats, the main text as the block holding the most
/// non-link text, dates from labelled lines ("发布日期：…") or meta tags. The parser adds a warning naming what it could not find.
/// </summary>
internal sealed partial class GenericProfile : SiteProfile
{
    private static readonly HashSet<string> Fields = Labels("发布日期", "发布时间", "日期", "时间", "发文机关", "发布机关", "文号", "发文字号", "成文日期", "索引号");
    private static readonly HashSet<string> NoText = ["a", "script", "style", "noscript", "template", "select", "option", "button", "title", "head"];
    private static readonly HashSet<string> ParagraphLike = ["p", "span", "font", "strong", "b", "em", "i", "u", "h4", "h5", "h6"];

    public override string Name => "generic";
    public override Site Site => Site.Other;

    public override bool MatchesUrl(Uri url) => true;
    public override bool MatchesStructure(HtmlPage page) => true;

    public override PageFields Extract(HtmlPage page)
    {
        var doc = page.Document;
        var root = (INode?)doc.Body ?? doc;
        var body = DensestBlock(root);
        var labels = LabelReader.Read(root, Fields);
        string? Label(params string[] keys) => keys.Select(k => NonEmpty(labels.GetValueOrDefault(k))).FirstOrDefault(v => v is not null);
        return new PageFields
        {
            Title = Title(page),
            IssuersRaw = Label("发文机关", "发布机关"),
            NumberRaw = Label("发文字号", "文号"),
            Written = Label("成文日期"),
            Published = Label("发布日期", "发布时间", "日期", "时间") ?? page.Meta("PubDate") ?? page.Meta("publishdate") ?? page.Meta("article:published_time"),
            IndexNumber = Label("索引号"),
            Keywords = SplitList(page.Meta("keywords")),
            Body = body,
            Attachments = page.AttachmentsIn(body),
        };
    }

    /// <summary>The first heading whose text the &lt;title&gt; contains; else the longest part of the &lt;title&gt;.</summary>
    public static string? Title(HtmlPage page)
    {
        var tag = page.TitleTag ?? "";
        var root = (INode?)page.Document.Body ?? page.Document;
        foreach (var h in Dom.All(root, e => e.LocalName is "h1" or "h2" or "h3" && !Dom.InsideClass(e, "link-url-wrapper")))
        {
            var t = Dom.Text(h);
            if (t.Length >= 4 && tag.Contains(t, StringComparison.Ordinal)) return t;
        }
        var parts = TitleSeparators().Split(tag).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? null : parts.MaxBy(p => p.Length);
    }

    /// <summary>The block with the most text outside links: text in a paragraph counts for the paragraph's container.</summary>
    public static IElement? DensestBlock(INode root)
    {
        var scores = new Dictionary<IElement, int>();
        foreach (var e in Dom.Elements(root))
        {
            if (NoText.Contains(e.LocalName) || (ParagraphLike.Contains(e.LocalName) && InsideLink(e))) continue;
            var length = 0;
            foreach (var c in e.ChildNodes)
                if (c is IText t) length += Text.Squeeze(t.Data).Length;
            if (length == 0) continue;
            var target = e;
            while (ParagraphLike.Contains(target.LocalName) && target.ParentElement is { } parent && parent.LocalName != "body") target = parent;
            scores[target] = scores.GetValueOrDefault(target) + length;
        }
        return scores.Count == 0 ? null : scores.MaxBy(kv => kv.Value).Key;
    }

    /// <summary>Inline text wrapped in a link a few levels up (&lt;a&gt;&lt;span&gt;…); bounded so deep pages stay linear.</summary>
    private static bool InsideLink(IElement e)
    {
        var a = e.ParentElement;
        for (var i = 0; i < 4 && a is not null; i++, a = a.ParentElement)
            if (a.LocalName == "a") return true;
        return false;
    }

    [GeneratedRegex(@"\s*[-_|–—]\s*")]
    private static partial Regex TitleSeparators();
}
