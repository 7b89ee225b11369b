using System.Text;
using AngleSharp.Dom;
using PolicyKB.Import.Normalise;

namespace PolicyKB.Import.Html;

/// <summary>
/// Iterative walks over the DOM (explicit stacks, never recursion: a page nested 10,000 deep must not overflow the stack).
/// </summary>
internal static class Dom
{
    private static readonly HashSet<string> Skipped = ["script", "style", "noscript", "template", "video", "audio", "iframe", "select", "button", "object", "svg", "head", "title"];

    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre", "dl", "dt", "dd", "center", "form", "br", "hr", "caption",
    ];

    /// <summary>Every element under the root, in document order.</summary>
    public static IEnumerable<IElement> Elements(INode root)
    {
        var stack = new Stack<INode>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is not IElement e) continue;
            yield return e;
            PushChildren(stack, e);
        }
    }

    public static IElement? First(INode root, Func<IElement, bool> match) => Elements(root).FirstOrDefault(match);

    public static IEnumerable<IElement> All(INode root, Func<IElement, bool> match) => Elements(root).Where(match);

    public static bool Is(IElement e, string tag, string? cssClass = null)
        => e.LocalName == tag && (cssClass is null || e.ClassList.Contains(cssClass));

    public static bool HasClass(IElement e, string cssClass) => e.ClassList.Contains(cssClass);

    /// <summary>True when the element or one of its ancestors has the class.</summary>
    public static bool InsideClass(IElement e, string cssClass)
    {
        for (IElement? a = e; a is not null; a = a.ParentElement)
            if (a.ClassList.Contains(cssClass)) return true;
        return false;
    }

    /// <summary>The text of a node as one cleaned line: blocks and line breaks become spaces, scripts are skipped.</summary>
    public static string Text(INode root) => Normalise.Text.Clean(string.Join(' ', Lines(root)));

    /// <summary>The visible text of a node as lines: each block element and each &lt;br&gt; ends a line, inline runs join.</summary>
    public static List<string> Lines(INode root)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText t) { current.Append(t.Data); continue; }
            if (node is not IElement && node != root && node is not IDocument) continue;
            var e = node as IElement;
            var block = e is not null && Blocks.Contains(e.LocalName);
            if (exit) { if (block) Flush(current, lines); continue; }
            if (e is not null && node != root && (Skipped.Contains(e.LocalName) || IsHidden(e))) continue;
            if (block) Flush(current, lines);
            stack.Push((node, true));
            var children = node.ChildNodes;
            for (var k = children.Length - 1; k >= 0; k--) stack.Push((children[k], false));
        }
        Flush(current, lines);
        return lines;
    }

    /// <summary>The content of a meta tag by name or property, whatever the case of the name.</summary>
    public static string? Meta(IDocument doc, string name)
    {
        foreach (var e in Elements(doc.Head ?? (INode)doc))
        {
            if (e.LocalName != "meta") continue;
            var n = e.GetAttribute("name") ?? e.GetAttribute("property");
            if (n is not null && n.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var v = Normalise.Text.Clean(e.GetAttribute("content"));
                return v.Length > 0 ? v : null;
            }
        }
        return null;
    }

    private static bool IsHidden(IElement e)
        => e.GetAttribute("style") is { } style && Normalise.Text.Squeeze(style).Contains("display:none", StringComparison.OrdinalIgnoreCase);

    private static void Flush(StringBuilder current, List<string> lines)
    {
        if (current.Length == 0) return;
        var line = Normalise.Text.Clean(current.ToString());
        current.Clear();
        if (line.Length > 0) lines.Add(line);
    }

    /// <summary>Children by index: AngleSharp finds a node's siblings by searching its parent's list, so sibling walks are quadratic.</summary>
    private static void PushChildren(Stack<INode> stack, INode node)
    {
        var children = node.ChildNodes;
        for (var k = children.Length - 1; k >= 0; k--) stack.Push(children[k]);
    }

    /// <summary>The nodes after this one under the same parent, by index.</summary>
    public static IEnumerable<INode> FollowingSiblings(INode node)
    {
        if (node.Parent is not { } parent) yield break;
        var siblings = parent.ChildNodes;
        var at = siblings.Index(node);
        for (var k = at + 1; k < siblings.Length; k++) yield return siblings[k];
    }
}
