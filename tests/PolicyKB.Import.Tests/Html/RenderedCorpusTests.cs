using System.Text;
using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Import.Tests.Html;

/// <summary>
/// The 1,260 real MEE texts rendered into the xxgk2018 template by this test: one paragraph a sentence (the corpus lost the
/// line breaks, so signatures run into the text around them), the 生成日期 from the address, the 文号 cell always empty and
/// the 发布机关 cell empty on every other page. What the parser makes of them is checked against what the texts state.
/// </summary>
[TestClass]
public sealed partial class RenderedCorpusTests
{
    private static readonly string[] Labels = ["名称", "索引号", "分类", "发布机关", "生成日期", "文号", "主题词", "成文日期", "发布日期"];

    private static readonly Lazy<List<(MeeText Text, bool EmptyIssuerCell, PolicyDocument Doc)>> Parsed = new(() => MeeCorpus.Texts()
        .Select((t, i) => (t, i % 2 == 0, Parse(t, emptyIssuerCell: i % 2 == 0))).ToList());

    private static PolicyDocument Parse(MeeText text, bool emptyIssuerCell)
    {
        var published = AddressDate().Match(text.Url) is { Success: true } m ? $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}" : "";
        var html = MeePageBuilder.Render(text.Title, emptyIssuerCell ? null : "生态环境部", number: null, published, Sentences(text.Content));
        var r = TestData.Parser.Parse(Encoding.UTF8.GetBytes(html), new PageSource(text.Url, "page.html"));
        Assert.IsNull(r.Error, $"{text.Url}: {r.Error}");
        return r.Document!;
    }

    /// <summary>The content one sentence a paragraph, less the "字号" that the corpus's scraper kept of the page's font-size control.</summary>
    private static IEnumerable<string> Sentences(string content)
        => SentenceEnd().Split(content.EndsWith("字号", StringComparison.Ordinal) ? content[..^2] : content).Where(s => s.Length > 0);

    private static List<(MeeText Text, bool EmptyIssuerCell, PolicyDocument Doc)> Pages()
    {
        MeeCorpus.Texts();
        return Parsed.Value;
    }

    [TestMethod]
    public void No_issuer_of_the_rendered_real_pages_is_a_label_or_a_date()
    {
        var bad = Pages().SelectMany(p => p.Doc.Issuers.Select(i => (p.Text.Url, Issuer: i)))
            .Where(x => x.Issuer.Any(char.IsDigit) || Labels.Any(l => x.Issuer.Contains(l, StringComparison.Ordinal)) || !OrganisationSuffix().IsMatch(x.Issuer))
            .ToList();
        Assert.IsEmpty(bad, string.Join("\n", bad.Take(30).Select(b => $"{b.Url}: {b.Issuer}")));
    }

    [TestMethod]
    public void Pages_with_an_empty_issuer_cell_take_the_issuer_from_the_signature()
    {
        var pages = Pages().Where(p => p.EmptyIssuerCell && ExpectedSignature(p.Text.Content) is not null).ToList();
        var named = pages.Count(p => p.Doc.Issuers.Count > 0);
        Assert.IsGreaterThanOrEqualTo(0.95 * pages.Count, named, $"{named} of {pages.Count} pages with a signature name an issuer");
    }

    [TestMethod]
    public void Written_date_comes_from_the_signature_on_nearly_every_text_that_ends_with_one()
    {
        var signed = Pages().Select(p => (p.Text, p.Doc, Expected: ExpectedSignature(p.Text.Content))).Where(p => p.Expected is not null).ToList();
        var wrong = signed.Where(p => p.Doc.WrittenDate != p.Expected).ToList();
        Assert.IsGreaterThan(1000, signed.Count, "the corpus has about 1,050 signed texts");
        Assert.IsLessThanOrEqualTo(0.05 * signed.Count, wrong.Count,
            $"{wrong.Count} of {signed.Count} wrong:\n" + string.Join("\n", wrong.Take(20).Select(w => $"{w.Text.Url}: {w.Doc.WrittenDate} ≠ {w.Expected}")));
    }

    [TestMethod]
    public void No_document_number_is_one_the_text_only_cites()
    {
        var cited = Pages().Where(p => p.Doc.DocumentNumber is { } n && Cited(p.Text.Content).Contains(n.Normalized)).ToList();
        Assert.IsEmpty(cited, string.Join("\n", cited.Take(20).Select(c => $"{c.Text.Url}: {c.Doc.DocumentNumber}")));
    }

    /// <summary>The signature's date as the text states it: the last organisation name run into a date that (此件社会公开), 抄送 or the end follows.</summary>
    private static DateOnly? ExpectedSignature(string content)
    {
        var m = SignatureInText().Matches(content).LastOrDefault();
        if (m is null) return null;
        return new DateOnly(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Numbers the text cites: in 《…》（…）, after 根据/按照/依据, in …的请示》（…）收悉.</summary>
    private static HashSet<string> Cited(string content)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in CitedNumber().Matches(content))
            if (DocumentNumber.Parse(m.Groups["n"].Value) is { } n) set.Add(n.Normalized);
        return set;
    }

    [GeneratedRegex(@"/t(\d{4})(\d{2})(\d{2})_")]
    private static partial Regex AddressDate();

    [GeneratedRegex(@"(?<=[。！？；])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(部|局|厅|委|委员会|院|办公室|办公厅|政府|中心|所|银行|会|署|办|司|机构|总局|检察院|法院)$")]
    private static partial Regex OrganisationSuffix();

    [GeneratedRegex(@"(部|局|厅|委|院|室|会|署|办|司|构)\s*(?<y>(19|20)\d{2})年(?<m>\d{1,2})月(?<d>\d{1,2})日\s*(?=[（(]此件|抄送|(字号)?$)")]
    private static partial Regex SignatureInText();

    [GeneratedRegex(@"(》[（(]|根据|按照|依据)(?<n>[\p{IsCJKUnifiedIdeographs}]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,6}号)")]
    private static partial Regex CitedNumber();
}
