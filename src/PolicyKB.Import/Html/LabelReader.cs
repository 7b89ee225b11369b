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

    /// <summary>The text after a label: its following siblings up to the next label, climbing out of wrappers such as &lt;td&gt;&lt;b&gt;.</summary>
    private static string ValueAfter(IElement label, string labelText, IReadOnlySet<string> labels)
    {
        INode node = label;
        while (true)
        {
            var parts = new List<string>();
            foreach (var s in Dom.FollowingSiblings(node))
            {
                if (s is IText t) { parts.Add(t.Data); continue; }
                if (s is not IElement se) continue;
                var st = Dom.Text(se);
                if (labels.Contains(Text.LabelKey(st)) || (st.IndexOfAny([':', '：']) is > 0 and var c && c <= MaxLabelLength && labels.Contains(Text.LabelKey(st[..c])))) break;
                parts.Add(st);
            }
            var value = Text.Clean(string.Join(' ', parts));
            if (value.Length > 0) return value;
            if (node.ParentElement is { } parent && parent.LocalName is not ("body" or "html") && Dom.Text(parent) == labelText) { node = parent; continue; }
            return "";
        }
    }
}
