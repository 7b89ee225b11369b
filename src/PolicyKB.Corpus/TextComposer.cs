using System.Text;
using PolicyKB.Corpus.Vocabulary;

namespace PolicyKB.Corpus;

/// <summary>Fills sentence templates for one document: its theme, subject, issuer and year fix the slots' vocabulary.</summary>
internal sealed class TextComposer(Rng rng, ThemeSpec theme, string subject, string issuer, int year)
{
    private static readonly Dictionary<string, ZipfList> ThemeTerms = Themes.All.ToDictionary(t => t.Name, t => new ZipfList(t.Terms, 0.9));
    private static readonly ZipfList Verbs = new(Phrases.Verbs, 1.0);
    private static readonly ZipfList Actors = new(Phrases.Actors, 1.0);
    private static readonly ZipfList Regions = new(Phrases.Regions, 0.8);
    private static readonly ZipfList Mechanisms = new(Phrases.Mechanisms, 1.0);
    private static readonly ZipfList Common = new(Phrases.CommonTerms, 1.1);

    // Sentence templates are skewed too, more gently: some sentences are stock phrases of every document.
    public static readonly ZipfList Purpose = new(Sentences.Purpose, 0.6);
    public static readonly ZipfList Goals = new(Sentences.Goals, 0.6);
    public static readonly ZipfList Tasks = new(Sentences.Tasks, 0.5);
    public static readonly ZipfList Safeguards = new(Sentences.Safeguards, 0.6);
    public static readonly ZipfList SubHeadings = new(Sentences.SubHeadings, 0.6);

    private readonly ZipfList _terms = ThemeTerms[theme.Name];

    public ThemeSpec Theme => theme;

    /// <summary>A theme term drawn with the theme's Zipf weights.</summary>
    public string Term() => _terms.Pick(rng);

    public string Sentence(ZipfList templates) => Fill(templates.Pick(rng));

    /// <summary>A paragraph of 2–6 sentences from the given kinds of template.</summary>
    public string Paragraph(ZipfList templates, int minSentences = 2, int maxSentences = 6)
    {
        var sb = new StringBuilder();
        var n = rng.Next(minSentences, maxSentences + 1);
        for (var i = 0; i < n; i++) sb.Append(Sentence(templates));
        return sb.ToString();
    }

    public string Fill(string template)
    {
        var sb = new StringBuilder(template.Length * 3);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            var close = c == '{' ? template.IndexOf('}', i) : -1;
            if (close < 0) { sb.Append(c); continue; }
            sb.Append(Slot(template.AsSpan(i + 1, close - i - 1)));
            i = close;
        }
        return sb.ToString();
    }

    private string Slot(ReadOnlySpan<char> name) => name switch
    {
        "S" => subject,
        "T" or "T2" => _terms.Pick(rng),
        "G" => Common.Pick(rng),
        "V" => Verbs.Pick(rng),
        "A" => Actors.Pick(rng),
        "R" => Regions.Pick(rng),
        "M" => Mechanisms.Pick(rng),
        "Y" => year.ToString(CultureInfo.InvariantCulture),
        "Y2" => (year + rng.Next(2, 11)).ToString(CultureInfo.InvariantCulture),
        "N" => rng.Next(2, 13).ToString(CultureInfo.InvariantCulture),
        "P" => $"{rng.Next(5, 96)}%",
        "I" => issuer,
        "X" => RareEntity(),
        "C" => StandardCode(),
        _ => "{" + name.ToString() + "}",
    };

    /// <summary>A named project or zone (祁连零碳园区): drawn uniformly from a large product, so each is rare.</summary>
    public string RareEntity() =>
        (rng.Chance(0.4) ? Regions.Pick(rng) : "") + rng.Pick(Phrases.RareStems) + rng.Pick(Phrases.RareKinds);

    /// <summary>A numbered standard (《HJ 1127—2020》): the rarest tokens of the corpus.</summary>
    public string StandardCode() => $"《{rng.Pick(Phrases.StandardSeries)} {rng.Next(100, 1400)}—{rng.Next(2000, Math.Max(2001, year + 1))}》";
}
