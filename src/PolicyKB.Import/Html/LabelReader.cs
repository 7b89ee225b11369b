using AngleSharp.Dom;
using PolicyKB.Import.Normalise;

namespace PolicyKB.Import.Html;

/// <summary>
/// Label-driven metadata: finds cells such as "发文机关：" or "&lt;span&gt;文 号：&lt;/span&gt;" whatever their spacing and colon width,
/// and reads the value that follows (the next cell, the next nodes of the same item, or the rest of the same text).
/// </summary>
internal static class LabelReader
{
    private const int MaxLabelLength = 16;

    /// <summary>Every metadata label the profiles read (keys: no white space, no colon); a value that is one of these, or starts with one, was misread.</summary>
    public static readonly IReadOnlySet<string> KnownLabels = new HashSet<string>(StringComparer.Ordinal)
    {
        "标题", "名称", "发文机关", "发布机关", "发文字号", "文号", "来源", "主题分类", "分类", "公文种类", "成文日期", "生成日期",
        "发布日期", "发布时间", "日期", "时间", "索引号", "主题词",
    };

    /// <summary>Values by label key (white space and colon removed); the first occurrence of a label wins.</summary>
    public static Dictionary<string, string> Read(INode container, IReadOnlySet<string> labels)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in Dom.Elements(container))
        {
            if (e.ChildElementCount > 0) continue;
            var text = Dom.Text(e);
            if (text.Length == 0 || text.Length > 200) continue;
            var colon = text.IndexOfAny([':', '：']);
            if (colon > 0 && colon < text.Length - 1 && colon <= MaxLabelLength)
            {
                var inlineKey = Text.LabelKey(text[..colon]);
                if (labels.Contains(inlineKey)) { values.TryAdd(inlineKey, Text.Clean(text[(colon + 1)..])); continue; }
            }
            if (text.Length > MaxLabelLength) continue;
            var key = Text.LabelKey(text);
            if (!labels.Contains(key) || values.ContainsKey(key)) continue;
            values[key] = ValueAfter(e, text, labels);
        }
        return values;
    }

    /// <summary>
    /// The text after a label: its following siblings up to the next label, climbing out of wrappers such as &lt;td&gt;&lt;b&gt;.
    /// An empty cell is an empty value: the walk never climbs past a following label into that label's item.
    /// </summary>
    private static string ValueAfter(IElement label, string labelText, IReadOnlySet<string> labels)
    {
        INode node = label;
        while (true)
        {
            var parts = new List<string>();
            var stopped = false;
            foreach (var s in Dom.FollowingSiblings(node))
            {
                if (s is IText t) { parts.Add(t.Data); continue; }
                if (s is not IElement se) continue;
                var st = Dom.Text(se);
                if (StartsWithLabel(se, st, labels)) { stopped = true; break; }
                parts.Add(st);
            }
            var value = Text.Clean(string.Join(' ', parts));
            if (value.Length > 0 || stopped) return value;
            if (node.ParentElement is { } parent && parent.LocalName is not ("body" or "html") && Dom.Text(parent) == labelText) { node = parent; continue; }
            return "";
        }
    }

    /// <summary>True when the element's text begins with a label ("生成日期 2021-02-07", "&lt;span&gt;文 号：&lt;/span&gt;…"): another field's item.</summary>
    private static bool StartsWithLabel(IElement e, string text, IReadOnlySet<string> labels)
    {
        if (labels.Contains(Text.LabelKey(text))) return true;
        if (text.IndexOfAny([':', '：']) is > 0 and var c && c <= MaxLabelLength && labels.Contains(Text.LabelKey(text[..c]))) return true;
        if (text.IndexOf(' ') is > 0 and var space && labels.Contains(Text.LabelKey(text[..space]))) return true;
        var leaf = Dom.First(e, x => x.ChildElementCount == 0 && Dom.Text(x).Length > 0);
        return leaf is not null && text.StartsWith(Dom.Text(leaf), StringComparison.Ordinal) && labels.Contains(Text.LabelKey(Dom.Text(leaf)));
    }
}
