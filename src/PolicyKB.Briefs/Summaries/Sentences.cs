using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>A complete sentence of a document, with where it stood (paragraph index, order in the text).</summary>
public sealed record Sentence(string Text, int Paragraph, int Position);

/// <summary>
/// Cuts a document's body (then its attachments' text) into complete sentences: each ends with 。！？ (closing
/// quotes and brackets kept with it). Text without a closing mark (salutations, signatures, dates, headings
/// such as 一、总体要求) is not a sentence and is never offered to a summary.
/// </summary>
public static partial class Sentences
{
    // A run up to and including a sentence mark, with any closing quotes or brackets after it.
    [GeneratedRegex(@"[^。！？!?]*[。！？!?]+[”’」』）)]*")]
    private static partial Regex SentencePattern();

    // 一、 （一） 1. 1、 （1） ⑴ 第一条 at the start of a paragraph.
    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)|[⑴-⒇①-⑳]|第[一二三四五六七八九十百零〇\d]+条)\s*")]
    private static partial Regex Enumerator();

    // "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：" or "某某有限公司：" before the text of a notice
    // (flat text that runs the title into the addressees has had the title taken off first).
    [GeneratedRegex(@"^(?:各[^。！？：:]{0,160}|[^。！？：:]{0,160}?(?:人民政府|有关单位|公司|单位|兵团|厅（局）|局|厅|委员会|机构))[：:](?=.)")]
    private static partial Regex Salutation();

    [GeneratedRegex(@"(?<=[^\x00-\x7F])\s+|\s+(?=[^\x00-\x7F])")]
    private static partial Regex LayoutSpace();

    public static IReadOnlyList<Sentence> Of(PolicyDocument document)
    {
        var paragraphs = document.Body.Where(b => b.Kind == BodyBlockKind.Paragraph).Select(b => b.Text)
            .Concat(document.Attachments.Where(a => !string.IsNullOrWhiteSpace(a.Text))
                .SelectMany(a => a.Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        var title = LayoutSpace().Replace(document.Title, "");
        var result = new List<Sentence>();
        var p = 0;
        foreach (var paragraph in paragraphs)
        {
            // A body that repeats the title before its first sentence (PDF and flat text) starts after it.
            var squeezed = Squeeze(paragraph);
            var text = title.Length > 0 && squeezed.StartsWith(title, StringComparison.Ordinal) ? squeezed[title.Length..] : squeezed;
            foreach (var s in Split(text))
                result.Add(new Sentence(s, p, result.Count));
            p++;
        }
        return result;
    }

    /// <summary>The complete sentences of one paragraph, white space squeezed, enumerator and salutation removed.</summary>
    public static IEnumerable<string> Split(string paragraph)
    {
        var text = Squeeze(paragraph);
        text = Enumerator().Replace(text, "", 1);
        text = Salutation().Replace(text, "", 1);
        foreach (Match m in SentencePattern().Matches(text))
        {
            var s = m.Value.Trim();
            // A bare mark or a number such as "一。" is not a sentence.
            if (s.Count(char.IsLetterOrDigit) >= 6) yield return s;
        }
    }

    private static string Squeeze(string text)
    {
        var chars = text.Where(c => !char.IsControl(c)).Select(c => c is '\u3000' or '\u00A0' ? ' ' : c).ToArray();
        // Spaces between Chinese characters are layout, not meaning (PDF line joins); keep spaces in Latin text.
        return LayoutSpace().Replace(new string(chars), "").Trim();
    }
}
