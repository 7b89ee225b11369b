using System.Text;
using System.Text.Json;
using PolicyKB.Corpus.Templates;
using PolicyKB.Corpus.Vocabulary;
using PolicyKB.Model;

namespace PolicyKB.Corpus;

/// <summary>
/// The seeded generator of policy pages in the real sites' templates (gov.cn, NDRC, MEE). Every page depends
/// only on (seed, index): the same seed gives byte-identical pages, pages can be made in any order, and a
/// corpus of any size streams without being held in memory.
/// </summary>
public sealed class CorpusGenerator(int seed = 1)
{
    /// <summary>Latest date a generated document may carry.</summary>
    public static readonly DateOnly LatestDate = new(2026, 10, 31);

    /// <summary>The manifest written beside the pages: one JSON line a page with its file, URL and ground truth.</summary>
    public const string ManifestFileName = "manifest.jsonl";

    public int Seed => seed;

    /// <summary>Pages 0 … count-1, made lazily one at a time.</summary>
    public IEnumerable<GeneratedPage> Generate(int count)
    {
        for (var i = 0; i < count; i++) yield return Page(i);
    }

    /// <summary>
    /// Writes pages 0 … count-1 under <paramref name="directory"/> (site/bucket/name, 1,000 pages a bucket)
    /// and a <see cref="ManifestFileName"/>; pages are made on all cores, the manifest stays in index order.
    /// </summary>
    public CorpusSummary WriteTo(string directory, int count, IProgress<int>? progress = null)
    {
        Directory.CreateDirectory(directory);
        long bytes = 0, chars = 0;
        using var manifest = new StreamWriter(Path.Combine(directory, ManifestFileName), false, new UTF8Encoding(false));
        const int batch = 512;
        for (var start = 0; start < count; start += batch)
        {
            var pages = new GeneratedPage[Math.Min(batch, count - start)];
            Parallel.For(0, pages.Length, i =>
            {
                var page = Page(start + i);
                var path = Path.Combine(directory, page.FileName.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, page.Html);
                pages[i] = page;
            });
            foreach (var page in pages)
            {
                bytes += page.Html.Length;
                chars += page.BodyText.Length;
                manifest.WriteLine(JsonSerializer.Serialize(ManifestEntry.From(page), PolicyJson.Options));
            }
            progress?.Report(start + pages.Length);
        }
        return new CorpusSummary(count, bytes, chars);
    }

    /// <summary>The page at <paramref name="index"/>.</summary>
    public GeneratedPage Page(long index)
    {
        var rng = Rng.For(seed, index);
        var page = Design(rng, index);
        var template = PageTemplates.For(page);
        var html = template.Render(page, rng);
        var legacy = page.WrittenDate.Year < 2012 && page.Site == Site.GovCn && rng.Chance(0.15);
        return legacy
            ? page with { Charset = "gb2312", Html = LegacyEncoding.Gbk.GetBytes(html.Replace("charset=utf-8", "charset=gb2312")) }
            : page with { Html = Encoding.UTF8.GetBytes(html) };
    }

    private static GeneratedPage Design(Rng rng, long index)
    {
        var site = rng.NextDouble() switch { < 0.45 => Site.GovCn, < 0.70 => Site.Ndrc, _ => Site.Mee };
        var written = WrittenDate(rng);
        var year = written.Year;
        var published = written.AddDays(rng.Next(0, 21));
        if (published > LatestDate) published = LatestDate;

        var lead = rng.Pick(Issuers.PublishingOn(site));
        var theme = Themes.ByName(rng.Pick(lead.Themes));
        var themes = new List<string> { theme.Name };
        if (rng.Chance(0.3))
        {
            var second = rng.Pick(Themes.All).Name;
            if (second != theme.Name) themes.Add(second);
        }

        var issuers = new List<string> { lead.NameIn(year) };
        var isStateCouncil = lead == Issuers.StateCouncil || lead == Issuers.StateCouncilOffice;
        if (!isStateCouncil && rng.Chance(0.25))
        {
            var partners = Issuers.All.Where(i => i != Issuers.StateCouncil && i != Issuers.StateCouncilOffice
                    && !i.Name.StartsWith(lead.Name, StringComparison.Ordinal) && !lead.Name.StartsWith(i.Name, StringComparison.Ordinal)).ToList();
            var n = Math.Min(rng.Next(1, 4) + (rng.Chance(0.15) ? rng.Next(2, 9) : 0), partners.Count);
            for (var k = 0; k < n; k++)
            {
                var p = partners[rng.Next(partners.Count)];
                partners.Remove(p);
                issuers.Add(p.NameIn(year));
            }
        }

        var shape = DocumentShapes.Pick(rng, site, lead, year);
        var subject = rng.Pick(theme.Subjects);
        var leadName = issuers[0];
        var composer = new TextComposer(rng, theme, subject, leadName, year);
        var (title, innerTitle) = shape.Title(composer, rng, subject, isStateCouncil ? leadName : null);

        string? number = null, printed = null;
        if (!(site == Site.GovCn && rng.Chance(0.1)))
        {
            var codes = lead.CodesIn(year);
            var code = shape.Type is "函" or "复函" ? codes.FirstOrDefault(c => c.EndsWith('函')) ?? codes[0] : rng.Pick(codes);
            var serial = 1 + (int)Math.Floor(Math.Exp(rng.NextDouble() * Math.Log(600)));
            number = $"{code}〔{year}〕{serial}号";
            printed = rng.NextDouble() switch
            {
                < 0.04 => $"{code}[{year}]{serial}号",
                < 0.07 => $"{code}（{year}）{serial}号",
                _ => number,
            };
        }

        var (body, signatureAt) = BodyComposer.Compose(composer, rng, shape, innerTitle, TargetLength(rng));
        var attachments = AttachmentList(rng, composer, site, published, subject);
        var signature = issuers.Concat([DateFormats.Chinese(written, old: year < 2008 && rng.Chance(0.5))]).ToList();
        var keywords = site == Site.Mee && rng.Chance(0.5) ? new[] { composer.Term(), composer.Term() }.Distinct().ToArray() : [];
        var url = SiteUrls.For(site, shape, lead, index, written, published);

        return new GeneratedPage
        {
            Index = index,
            FileName = $"{site.ToCode()}/{index / 1000:D4}/{url[(url.LastIndexOf('/') + 1)..]}",
            Url = url,
            Site = site,
            Title = title,
            Issuers = issuers,
            DocumentNumber = number,
            DocumentNumberAsPrinted = printed,
            DocumentType = shape.Type,
            WrittenDate = written,
            PublishedDate = published,
            Themes = themes,
            Topic = site == Site.Mee ? theme.MeeCategory : theme.GovTopic,
            IndexNumber = site == Site.Ndrc ? null : $"{(site == Site.Mee ? "000014672" : "000014349")}/{year}-{rng.Next(1, 99999):D5}",
            Keywords = keywords,
            Body = body,
            Signature = signature,
            SignatureAt = signatureAt,
            Attachments = attachments,
        };
    }

    /// <summary>Dates over 2000 … 2026, more of them recent, as in the sites' archives.</summary>
    private static DateOnly WrittenDate(Rng rng)
    {
        var year = 2026 - (int)Math.Min(26, Math.Floor(-Math.Log(1 - rng.NextDouble()) * 7));
        var start = new DateOnly(year, 1, 1);
        var end = year == LatestDate.Year ? LatestDate.AddDays(-20) : new DateOnly(year, 12, 31);
        return start.AddDays(rng.Next(end.DayNumber - start.DayNumber + 1));
    }

    /// <summary>Body length in characters: log-normal with a median of about 3,000, clipped to 300 … 30,000.</summary>
    private static int TargetLength(Rng rng) => (int)Math.Clamp(Math.Exp(Math.Log(3000) + 0.85 * rng.NextGaussian()), 300, 30000);

    private static IReadOnlyList<GeneratedAttachment> AttachmentList(Rng rng, TextComposer composer, Site site, DateOnly published, string subject)
    {
        if (!rng.Chance(0.35)) return [];
        var names = new[] { $"{subject}申报书", $"{subject}项目汇总表", $"{composer.Term()}技术指南", $"{composer.Term()}评价指标体系", $"{subject}名单", "参考格式", $"{composer.Term()}情况统计表", $"{subject}工作联系人回执" };
        var n = rng.Next(1, 5);
        var list = new List<GeneratedAttachment>();
        for (var k = 0; k < n; k++)
        {
            var name = names[rng.Next(names.Length)];
            var kind = name.EndsWith('表') || name.EndsWith("回执", StringComparison.Ordinal) ? (rng.Chance(0.5) ? "xlsx" : "docx") : "pdf";
            var stem = site switch
            {
                Site.Mee => $"W0{published:yyyyMMdd}{rng.Next(100000000, 999999999)}",
                Site.Ndrc => $"P0{published:yyyyMMdd}{rng.Next(100000000, 999999999)}",
                _ => $"files/{rng.NextULong():x16}",
            };
            list.Add(new GeneratedAttachment($"{name}.{kind}", $"./{stem}.{kind}", kind));
            if (site == Site.Ndrc && kind == "pdf" && rng.Chance(0.5))
                list.Add(new GeneratedAttachment($"{name}.ofd", $"./{stem}.ofd", "ofd"));
        }
        return list;
    }
}

/// <summary>What <see cref="CorpusGenerator.WriteTo"/> wrote.</summary>
public sealed record CorpusSummary(int Pages, long HtmlBytes, long BodyChars);

/// <summary>One line of the manifest: where a page is and what it holds.</summary>
internal sealed record ManifestEntry(long Index, string File, string Url, Site Site, string Title, IReadOnlyList<string> Issuers,
    string? DocumentNumber, DateOnly WrittenDate, DateOnly PublishedDate, IReadOnlyList<string> Themes, int BodyChars)
{
    public static ManifestEntry From(GeneratedPage p) =>
        new(p.Index, p.FileName, p.Url, p.Site, p.Title, p.Issuers, p.DocumentNumber, p.WrittenDate, p.PublishedDate, p.Themes, p.BodyText.Length);

    /// <summary>Reads a corpus folder's manifest lazily.</summary>
    public static IEnumerable<ManifestEntry> Read(string corpusDirectory)
    {
        foreach (var line in System.IO.File.ReadLines(Path.Combine(corpusDirectory, CorpusGenerator.ManifestFileName)))
            if (line.Length > 0) yield return JsonSerializer.Deserialize<ManifestEntry>(line, PolicyJson.Options)!;
    }
}

internal static class LegacyEncoding
{
    public static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
}
