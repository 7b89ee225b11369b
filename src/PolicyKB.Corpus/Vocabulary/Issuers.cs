using PolicyKB.Model;

namespace PolicyKB.Corpus.Vocabulary;

/// <summary>
/// An issuing body: its canonical name, the codes its 文号 start with, the sites that publish its
/// documents, and the themes it writes about. <see cref="FormerNames"/> gives the name used before a year
/// (生态环境部 was 环境保护部 until 2018), so old pages carry the old name as real ones do.
/// </summary>
internal sealed record IssuerSpec(
    string Name,
    IReadOnlyList<string> Codes,
    IReadOnlyList<string> Themes,
    Site HomeSite = Site.GovCn,
    IReadOnlyList<FormerName>? FormerNames = null)
{
    public string NameIn(int year) => FormerName(year)?.Name ?? Name;

    public IReadOnlyList<string> CodesIn(int year) => FormerName(year)?.Codes ?? Codes;

    private FormerName? FormerName(int year) => FormerNames?.Where(f => year < f.Until).OrderBy(f => f.Until).FirstOrDefault();
}

/// <summary>A name an issuer used before <see cref="Until"/> (exclusive year), with its 文号 codes of the time.</summary>
internal sealed record FormerName(string Name, int Until, IReadOnlyList<string> Codes);

/// <summary>The issuers of the generated corpus: the State Council, its general office, ministries, commissions, bureaus and their offices.</summary>
internal static class Issuers
{
    public static readonly IssuerSpec StateCouncil = new("国务院", ["国发", "国函"], ["营商环境", "节能降碳", "生态保护", "应对气候变化", "能源安全", "数字经济", "乡村振兴", "循环经济"]);
    public static readonly IssuerSpec StateCouncilOffice = new("国务院办公厅", ["国办发", "国办函"], ["营商环境", "大气污染防治", "数字经济", "绿色金融", "乡村振兴", "节能降碳", "交通运输绿色低碳"]);
    public static readonly IssuerSpec Ndrc = new("国家发展改革委",
        ["发改能源", "发改环资", "发改价格", "发改投资", "发改产业", "发改高技", "发改体改", "发改经贸", "发改农经", "发改基础", "发改就业", "发改地区"],
        ["可再生能源", "节能降碳", "循环经济", "价格改革", "能源安全", "新型储能", "氢能", "营商环境", "碳市场"], Site.Ndrc,
        [new FormerName("国家发展计划委员会", 2003, ["计基础", "计价格", "计投资", "计产业"])]);
    public static readonly IssuerSpec NdrcOffice = new("国家发展改革委办公厅", ["发改办环资", "发改办能源", "发改办价格", "发改办产业", "发改办高技"],
        ["节能降碳", "循环经济", "价格改革", "可再生能源", "新型储能"], Site.Ndrc,
        [new FormerName("国家发展计划委员会办公厅", 2003, ["计办"])]);
    public static readonly IssuerSpec Mee = new("生态环境部",
        ["环气候", "环大气", "环水体", "环土壤", "环固体", "环环评", "环执法", "环生态", "环海洋", "环法规", "环科财"],
        ["碳市场", "应对气候变化", "大气污染防治", "水污染防治", "土壤污染防治", "固体废物", "生态保护", "海洋生态环境"], Site.Mee,
        [new FormerName("国家环境保护总局", 2008, ["环发", "环函"]), new FormerName("环境保护部", 2018, ["环发", "环函", "环办"])]);
    public static readonly IssuerSpec MeeOffice = new("生态环境部办公厅",
        ["环办气候", "环办气候函", "环办便函", "环办大气函", "环办水体", "环办土壤函", "环办固体", "环办环评函", "环办执法函", "环办监测"],
        ["碳市场", "应对气候变化", "大气污染防治", "水污染防治", "固体废物", "生态保护", "海洋生态环境"], Site.Mee,
        [new FormerName("国家环境保护总局办公厅", 2008, ["环办"]), new FormerName("环境保护部办公厅", 2018, ["环办", "环办函"])]);

    public static readonly IReadOnlyList<IssuerSpec> All =
    [
        StateCouncil, StateCouncilOffice, Ndrc, NdrcOffice, Mee, MeeOffice,
        new("国家能源局", ["国能发新能", "国能发电力", "国能发科技", "国能发规划", "国能发监管", "国能发油气", "国能发煤炭"], ["可再生能源", "新型储能", "能源安全", "氢能", "节能降碳"]),
        new("国家能源局综合司", ["国能综通新能", "国能综通电力", "国能综通科技", "国能综函监管"], ["可再生能源", "新型储能", "能源安全"]),
        new("财政部", ["财建", "财税", "财资环", "财金", "财预", "财农"], ["绿色金融", "可再生能源", "节能降碳", "乡村振兴", "循环经济"]),
        new("财政部办公厅", ["财办建", "财办资环", "财办金"], ["绿色金融", "节能降碳"]),
        new("工业和信息化部", ["工信部节", "工信部联节", "工信部原", "工信部规", "工信部信管", "工信部装"], ["节能降碳", "数字经济", "循环经济", "新型储能", "氢能"],
            FormerNames: [new FormerName("国家经济贸易委员会", 2003, ["国经贸资源", "国经贸产业"])]),
        new("工业和信息化部办公厅", ["工信厅节", "工信厅联节", "工信厅规"], ["节能降碳", "数字经济", "循环经济"]),
        new("自然资源部", ["自然资发", "自然资规", "自然资函"], ["生态保护", "海洋生态环境", "乡村振兴"],
            FormerNames: [new FormerName("国土资源部", 2018, ["国土资发", "国土资规"])]),
        new("住房和城乡建设部", ["建标", "建城", "建科", "建村"], ["绿色建筑", "节能降碳", "乡村振兴", "循环经济"],
            FormerNames: [new FormerName("建设部", 2008, ["建科", "建城"])]),
        new("住房和城乡建设部办公厅", ["建办标", "建办城", "建办科"], ["绿色建筑", "节能降碳"]),
        new("交通运输部", ["交规划发", "交运发", "交水发", "交公路发"], ["交通运输绿色低碳", "节能降碳", "大气污染防治"]),
        new("水利部", ["水规计", "水资管", "水保", "水农"], ["水污染防治", "生态保护", "乡村振兴"]),
        new("农业农村部", ["农科教发", "农计财发", "农办科"], ["乡村振兴", "土壤污染防治", "循环经济"],
            FormerNames: [new FormerName("农业部", 2018, ["农科教发", "农计发"])]),
        new("商务部", ["商贸发", "商流通发", "商服贸发"], ["循环经济", "营商环境", "数字经济"]),
        new("科学技术部", ["国科发", "国科办"], ["氢能", "新型储能", "数字经济", "应对气候变化"]),
        new("中国人民银行", ["银发", "银办发"], ["绿色金融", "营商环境"]),
        new("国家金融监督管理总局", ["金规", "金办发"], ["绿色金融"],
            FormerNames: [new FormerName("中国银行保险监督管理委员会", 2023, ["银保监发", "银保监办发"]), new FormerName("中国银行业监督管理委员会", 2018, ["银监发"])]),
        new("中国证券监督管理委员会", ["证监发"], ["绿色金融", "营商环境"]),
        new("国家市场监督管理总局", ["国市监计量", "国市监标技", "国市监认证"], ["营商环境", "节能降碳", "碳市场"],
            FormerNames: [new FormerName("国家质量监督检验检疫总局", 2018, ["国质检", "国质检认"])]),
        new("国家标准化管理委员会", ["国标委发", "国标委联"], ["节能降碳", "碳市场", "循环经济"]),
        new("国家林业和草原局", ["林生发", "林改发", "林规发"], ["生态保护", "碳市场", "应对气候变化"],
            FormerNames: [new FormerName("国家林业局", 2018, ["林造发", "林资发"])]),
        new("中国气象局", ["气发", "气办发"], ["应对气候变化"]),
        new("国家统计局", ["国统字", "国统办字"], ["节能降碳", "数字经济"]),
        new("海关总署", ["署监发", "署税发"], ["固体废物", "营商环境"]),
        new("国务院国有资产监督管理委员会", ["国资发", "国资发科创"], ["节能降碳", "能源安全"]),
        new("教育部", ["教发", "教技"], ["应对气候变化", "数字经济"]),
        new("民政部", ["民发"], ["乡村振兴"]),
        new("人力资源社会保障部", ["人社部发", "人社厅发"], ["营商环境", "乡村振兴"]),
        new("应急管理部", ["应急", "应急厅"], ["能源安全"]),
        new("国家卫生健康委员会", ["国卫规划发", "国卫办疾控发"], ["大气污染防治", "固体废物"],
            FormerNames: [new FormerName("国家卫生和计划生育委员会", 2018, ["国卫规划发"])]),
        new("文化和旅游部", ["文旅资源发"], ["生态保护", "乡村振兴"]),
        new("国家税务总局", ["税总发", "税总函"], ["绿色金融", "营商环境", "循环经济"]),
        new("国家知识产权局", ["国知发"], ["数字经济", "氢能"]),
        new("国家机关事务管理局", ["国管节能"], ["节能降碳", "绿色建筑"]),
        new("国家数据局", ["国数政策", "国数资源"], ["数字经济"]),
        new("国家粮食和物资储备局", ["国粮储", "国粮发"], ["能源安全"]),
        new("国家铁路局", ["国铁科法"], ["交通运输绿色低碳"]),
        new("中国民用航空局", ["民航发"], ["交通运输绿色低碳", "节能降碳"]),
        new("国家邮政局", ["国邮发"], ["交通运输绿色低碳", "循环经济", "固体废物"]),
        new("国家矿山安全监察局", ["矿安"], ["能源安全"]),
        new("国家乡村振兴局", ["国乡振发"], ["乡村振兴"]),
        new("国家疾病预防控制局", ["国疾控综"], ["大气污染防治"]),
        new("最高人民法院", ["法发"], ["生态保护", "碳市场"]),
        new("最高人民检察院", ["高检发"], ["生态保护"]),
        new("全国绿化委员会", ["全绿字"], ["生态保护"]),
        new("国家国防科技工业局", ["科工计"], ["能源安全"]),
        new("国家外汇管理局", ["汇发"], ["绿色金融", "营商环境"]),
    ];

    /// <summary>Issuers that publish on a site: NDRC and MEE pages come from their own ministries; gov.cn carries everyone.</summary>
    public static IReadOnlyList<IssuerSpec> PublishingOn(Site site) => site switch
    {
        Site.Ndrc => [Ndrc, NdrcOffice],
        Site.Mee => [Mee, MeeOffice],
        _ => All,
    };
}
