using PolicyKB.Corpus.Vocabulary;
using PolicyKB.Model;

namespace PolicyKB.Corpus;

/// <summary>The kinds of document the corpus holds; each has its title pattern and body layout.</summary>
internal enum ShapeKind { Transmittal, Opinion, Notice, Announcement, Letter }

/// <summary>A document's kind, 公文种类 and, for a transmittal, the kind of the document it transmits (实施方案, 管理办法 …).</summary>
internal sealed record DocumentShape(ShapeKind Kind, string Type, string? InnerKind)
{
    /// <summary>The title and, for a transmittal, the title of the transmitted document (the part inside 《》).</summary>
    public (string Title, string? InnerTitle) Title(TextComposer composer, Rng rng, string subject, string? stateCouncil)
    {
        var prefix = stateCouncil ?? "";
        switch (Kind)
        {
            case ShapeKind.Transmittal:
                var inner = subject + InnerKind;
                // State Council transmittals are written both with and without 《》.
                var quoted = stateCouncil is null || rng.Chance(0.6) ? $"《{inner}》" : inner;
                return ($"{prefix}关于印发{quoted}的通知", inner);
            case ShapeKind.Opinion:
                var opinion = rng.NextDouble() switch { < 0.5 => "意见", < 0.8 => "指导意见", _ => "实施意见" };
                return ($"{prefix}关于{composer.Fill(rng.Pick(OpinionActions))}的{opinion}", null);
            case ShapeKind.Notice:
                return ($"{prefix}关于{composer.Fill(rng.Pick(Sentences.TitleActions))}的通知", null);
            case ShapeKind.Announcement:
                return ($"关于{composer.Fill(rng.Pick(AnnouncementActions))}的公告", null);
            default:
                return Type == "复函"
                    ? ($"关于{composer.Fill("{R}")}{subject}有关问题的复函", null)
                    : ($"关于{composer.Fill(rng.Pick(Sentences.TitleActions))}的函", null);
        }
    }

    private static readonly string[] OpinionActions = ["加快推进{S}", "深入推进{S}", "全面加强{S}", "进一步做好{S}", "推动{S}", "完善{S}体制机制", "健全{S}制度", "促进{S}"];
    private static readonly string[] AnnouncementActions = ["发布《{S}技术规范》", "公布第{N}批{S}名单", "{S}有关事项", "发布{Y}年{S}情况", "调整{S}有关政策", "发布《{S}指南（试行）》"];
}

internal static class DocumentShapes
{
    public static DocumentShape Pick(Rng rng, Site site, Vocabulary.IssuerSpec lead, int year)
    {
        var x = rng.NextDouble();
        var kind = site switch
        {
            Site.Mee => x switch { < 0.30 => ShapeKind.Transmittal, < 0.40 => ShapeKind.Opinion, < 0.65 => ShapeKind.Notice, < 0.80 => ShapeKind.Announcement, _ => ShapeKind.Letter },
            Site.Ndrc => x switch { < 0.45 => ShapeKind.Transmittal, < 0.60 => ShapeKind.Opinion, < 0.90 => ShapeKind.Notice, _ => ShapeKind.Announcement },
            _ when lead == Issuers.StateCouncil || lead == Issuers.StateCouncilOffice => x switch { < 0.45 => ShapeKind.Transmittal, < 0.75 => ShapeKind.Opinion, _ => ShapeKind.Notice },
            _ => x switch { < 0.40 => ShapeKind.Transmittal, < 0.55 => ShapeKind.Opinion, < 0.85 => ShapeKind.Notice, < 0.95 => ShapeKind.Announcement, _ => ShapeKind.Letter },
        };
        return kind switch
        {
            ShapeKind.Transmittal => new(kind, "通知", InnerKind(rng, year)),
            ShapeKind.Opinion => new(kind, "意见", null),
            ShapeKind.Notice => new(kind, "通知", null),
            ShapeKind.Announcement => new(kind, "公告", null),
            _ => new(kind, rng.Chance(0.4) ? "复函" : "函", null),
        };
    }

    /// <summary>The kind of a transmitted document; five-year plans only in the years they were written.</summary>
    private static string InnerKind(Rng rng, int year)
    {
        var kind = rng.Pick(Phrases.InnerDocumentKinds);
        return kind switch
        {
            "“十四五”规划" when year is < 2020 or > 2025 => "中长期规划",
            "“十五五”规划" when year < 2025 => "专项规划",
            _ => kind,
        };
    }
}

/// <summary>How dates are printed: 2023年10月11日, or in Chinese numerals (二〇二三年十月十一日) in some old signatures.</summary>
internal static class DateFormats
{
    private static readonly string[] Digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static string Chinese(DateOnly d, bool old = false) =>
        old ? $"{string.Concat(d.Year.ToString(CultureInfo.InvariantCulture).Select(c => Digits[c - '0']))}年{Numeral(d.Month)}月{Numeral(d.Day)}日" : $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>The padded form of metadata tables: 2026年09月25日.</summary>
    public static string Padded(DateOnly d) => $"{d.Year}年{d.Month:D2}月{d.Day:D2}日";

    private static string Numeral(int n) => n switch
    {
        < 10 => Digits[n],
        10 => "十",
        < 20 => "十" + Digits[n - 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
    };
}

/// <summary>Each site's URL scheme for detail pages.</summary>
internal static class SiteUrls
{
    public static string For(Site site, DocumentShape shape, Vocabulary.IssuerSpec lead, long index, DateOnly written, DateOnly published)
    {
        switch (site)
        {
            case Site.Ndrc:
                var column = shape.Kind switch
                {
                    ShapeKind.Announcement => "gg",
                    ShapeKind.Transmittal when shape.InnerKind!.Contains("规划") => "ghxwj",
                    _ => "tz",
                };
                return $"https://www.ndrc.gov.cn/xxgk/zcfb/{column}/{published:yyyyMM}/t{published:yyyyMMdd}_{1_300_000 + index}.html";
            case Site.Mee:
                var section = shape.Kind switch
                {
                    ShapeKind.Announcement => "xxgk01",
                    ShapeKind.Letter => lead == Issuers.MeeOffice ? "xxgk06" : "xxgk05",
                    _ => "xxgk03",
                };
                return $"https://www.mee.gov.cn/xxgk2018/xxgk/{section}/{published:yyyyMM}/t{published:yyyyMMdd}_{900_000 + index}.html";
            default:
                var library = lead == Issuers.StateCouncil || lead == Issuers.StateCouncilOffice ? "content" : "zhengceku";
                var id = 5_000_000 + index;
                return published.Year >= 2018
                    ? $"https://www.gov.cn/zhengce/{library}/{published:yyyyMM}/content_{id}.htm"
                    : $"https://www.gov.cn/zhengce/{library}/{published:yyyy-MM}/{published:dd}/content_{id}.htm";
        }
    }
}
