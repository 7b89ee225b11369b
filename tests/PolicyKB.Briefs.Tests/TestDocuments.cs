using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests;

/// <summary>Small documents in the shape the importer produces, written for these tests.</summary>
internal static class TestDocuments
{
    public static PolicyDocument Doc(string id, string title, string[] issuers, string[] themes, string date,
        Site site = Site.Other, string? number = null, params string[] paragraphs) => new()
    {
        Id = id,
        Title = title,
        Issuers = issuers,
        Themes = themes,
        PublishedDate = DateOnly.Parse(date, CultureInfo.InvariantCulture),
        Site = site,
        DocumentNumber = DocumentNumber.Parse(number),
        Url = $"https://www.example.gov.cn/zhengce/{id}.htm",
        Body = paragraphs.Select(BodyBlock.Paragraph).ToList(),
    };

    /// <summary>A State Council opinion on inclusive finance (national, theme 绿色金融).</summary>
    public static PolicyDocument InclusiveFinance => Doc("a001", "国务院关于推进普惠金融高质量发展的实施意见",
        ["国务院"], ["绿色金融"], "2023-10-11", Site.GovCn, "国发〔2023〕15号",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "为推进普惠金融高质量发展，国务院制定本实施意见，明确今后五年的指导思想、基本原则和主要目标。",
        "一、总体要求",
        "到2027年，基本建成高质量的普惠金融体系，重点领域金融服务可得性明显提升。",
        "要优化小微经营主体的金融产品和服务，支持乡村振兴，提升民生领域金融服务质量。",
        "要在普惠金融服务中融入绿色低碳发展目标，探索适合小微企业的绿色金融产品。",
        "请认真贯彻执行。",
        "国务院",
        "2023年10月11日");

    /// <summary>An NDRC plan for carbon-peak pilots (national, themes 应对气候变化 and 碳市场).</summary>
    public static PolicyDocument PeakPilots => Doc("a002", "国家发展改革委关于印发《国家碳达峰试点建设方案》的通知",
        ["国家发展和改革委员会"], ["应对气候变化", "碳市场"], "2023-10-20", Site.Ndrc, "发改环资〔2023〕1409号",
        "现将《国家碳达峰试点建设方案》印发给你们，请结合实际认真贯彻落实。",
        "国家发展改革委印发《国家碳达峰试点建设方案》，首批在15个省区开展碳达峰试点建设，共35个名额。",
        "到2025年，试点城市和园区碳达峰碳中和工作取得积极进展，有利于绿色低碳发展的政策机制基本构建。",
        "到2030年，试点城市和园区经济社会发展全面绿色转型取得显著进展，对全国碳达峰目标发挥重要支撑作用。");

    /// <summary>A Shanghai standard for waste incineration (regional).</summary>
    public static PolicyDocument ShanghaiIncineration => Doc("a003", "上海市生态环境局关于征求《生活垃圾焚烧大气污染物排放标准（征求意见稿）》意见的函",
        ["上海市生态环境局"], ["污染防治"], "2023-10-16", Site.Other, null,
        "为加强生活垃圾焚烧大气污染物排放管理，上海市生态环境局组织修订了地方排放标准。",
        "标准规定了生活垃圾焚烧大气污染物的排放控制要求、监测、达标判定和监督管理要求。");

    /// <summary>The exchange's monthly carbon-market figures (Other level, theme 碳市场).</summary>
    public static PolicyDocument CarbonMarketMonth => Doc("a004", "全国碳排放权交易市场配额成交情况（2023年10月）",
        ["上海环境能源交易所"], ["碳市场"], "2023-10-31", Site.Other, null,
        "2023年10月，全国碳市场碳排放配额总成交量9305万吨，总成交额64.2亿元。",
        "本月最后一个交易日收盘价为78.05元/吨，较上月最后一个交易日上涨2.64%。");

    /// <summary>A company's news that no section takes.</summary>
    public static PolicyDocument Unmatched => Doc("a005", "某公司召开年度工作会议",
        ["某公司"], [], "2023-10-05", Site.Other, null,
        "某公司召开年度工作会议，总结全年工作并部署下一阶段任务。");

    public static IReadOnlyList<PolicyDocument> October => [InclusiveFinance, PeakPilots, ShanghaiIncineration, CarbonMarketMonth, Unmatched];
}
