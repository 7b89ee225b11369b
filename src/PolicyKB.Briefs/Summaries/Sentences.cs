using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>A complete sentence of a document, with where it stood (paragraph index, order in the text) and whether it
/// comes from an attachment's text rather than the notice's own.</summary>
internal sealed record Sentence(string Text, int Paragraph, int Position, bool FromAttachment = false);

/// <summary>
/// Cuts a document's body (then its attachments' text) into complete sentences. A page may carry its attachments' text
/// in its body, after its own: the notice ends with the list 附件：1.… 2.… (then the signature) or, forwarding a text, with
/// the signature's （此件社会公开）; what follows is the attachments', whether on lines of its own or run into one flat text. Each sentence ends with 。！？ (closing
/// quotes and brackets kept with it). Text without a closing mark (signatures, dates, headings such as 一、总体要求)
/// is not a sentence and is never offered to a summary; the openings of <see cref="SummaryRules"/> (masthead, 文号,
/// addressees) and a repeated title are cut from the start of a paragraph first.
/// </summary>
internal static partial class Sentences
{
    // A run up to and including a sentence mark, with any closing quotes or brackets after it.
    [GeneratedRegex(@"[^。！？!?]*[。！？!?]+[”’」』）)]*")]
    private static partial Regex SentencePattern();

    // 一、 （一） 1. 1、 （1） ⑴ 第一条 at the start of a paragraph.
    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)|[⑴-⒇①-⑳]|第[一二三四五六七八九十百零〇\d]+条)\s*")]
    private static partial Regex Enumerator();

    [GeneratedRegex(@"(?<=[^\x00-\x7F])\s+|\s+(?=[^\x00-\x7F])")]
    private static partial Regex LayoutSpace();

    // What closes a notice's own text: its list of attachments (附件：… 附件1：, or a line that is only 附件 / 附件1; not
    // 见附件）), or the note after its signature (（此件社会公开）) before the text it forwards.
    [GeneratedRegex(@"附件\s*\d*\s*[：:]|^\s*附件\s*\d*\s*$|[（(]此件[^（）()]{0,8}[）)]")]
    private static partial Regex AttachmentList();

    public static IReadOnlyList<Sentence> Of(PolicyDocument document, SummaryRules rules)
    {
        var own = document.Body.Where(b => b.Kind == BodyBlockKind.Paragraph).Select(b => (b.Text, Attached: false));
        var attached = document.Attachments.Where(a => !string.IsNullOrWhiteSpace(a.Text))
            .SelectMany(a => a.Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(t => (Text: t, Attached: true));
        var title = LayoutSpace().Replace(document.Title, "");
        var result = new List<Sentence>();
        var p = 0;
        var pastList = false;
        foreach (var (paragraph, fromAttachment) in own.Concat(attached))
        {
            var text = Opened(paragraph, title, rules, out _);
            var list = fromAttachment || pastList ? null : AttachmentList().Match(text);
            var parts = list is { Success: true }
                ? [(text[..list.Index], false), (text[list.Index..], true)]
                : new[] { (text, fromAttachment || pastList) };
            pastList |= list is { Success: true };
            foreach (var (part, attachment) in parts)
                foreach (var s in Split(part, rules))
                    result.Add(new Sentence(s, p, result.Count, attachment));
            p++;
        }
        return result;
    }

    /// <summary>The first paragraph of the body without its openings and repeated title, and the issuers a masthead there
    /// runs together (生态环境部国家发展和改革委员会…文件), or null.</summary>
    public static string OpenedBody(PolicyDocument document, SummaryRules rules, out string? mastheadIssuers)
    {
        mastheadIssuers = null;
        var first = document.Body.FirstOrDefault(b => b.Kind == BodyBlockKind.Paragraph);
        return first is null ? "" : Opened(first.Text, LayoutSpace().Replace(document.Title, ""), rules, out mastheadIssuers);
    }

    /// <summary>A paragraph without its openings and a repeated title (flat text runs masthead, title and addressees together).</summary>
    private static string Opened(string paragraph, string title, SummaryRules rules, out string? issuers)
    {
        issuers = null;
        var text = Squeeze(paragraph);
        while (true)
        {
            text = rules.CutOpenings(text, out var found);
            issuers ??= found;
            if (title.Length == 0 || !text.StartsWith(title, StringComparison.Ordinal)) return text;
            text = text[title.Length..];
        }
    }

    /// <summary>The complete sentences of one paragraph, white space squeezed, openings and enumerator removed.</summary>
    public static IEnumerable<string> Split(string paragraph, SummaryRules rules)
    {
        var text = rules.CutOpenings(Squeeze(paragraph), out _);
        text = rules.CutOpenings(Enumerator().Replace(text, "", 1), out _);
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
