using Microsoft.Extensions.Time.Testing;
using PolicyKB.Model;
using PolicyKB.Search.Status;

namespace PolicyKB.Search.Tests.Status;

/// <summary>Each status rule on sentences written in the forms the MEE and State Council texts use.</summary>
[TestClass]
public sealed class StatusRulesTests
{
    private static readonly StatusRules Rules = new(new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero)), TestData.Search.StatusPhrases);

    private static PolicyDocument Doc(string id, string title, string body, string? number = null, DateOnly? published = null) =>
        Docs.Make(id, title, body) with { DocumentNumber = DocumentNumber.Parse(number), PublishedDate = published };

    private static readonly PolicyDocument Notice = Doc("old", "关于加强企业温室气体排放报告管理的通知",
        "现就有关事项通知如下。本通知自印发之日起施行。", "环办气候〔2021〕9号", new DateOnly(2021, 3, 29));

    [TestMethod]
    public void ALaterTextThatRepealsItByNumberMakesIt已废止WithTheSentenceAndTheDay()
    {
        var later = Doc("new", "关于做好全国碳市场排放报告核查工作的通知",
            "现将有关事项通知如下。本通知自2023年3月1日起施行，《关于加强企业温室气体排放报告管理的通知》（环办气候〔2021〕9号）同时废止。",
            "环办气候函〔2023〕43号", new DateOnly(2023, 2, 7));

        var status = Rules.Decide(Notice, [later]);

        Assert.AreEqual(StatusStates.Repealed, status.State);
        Assert.AreEqual(new DateOnly(2023, 3, 1), status.Since);
        Assert.AreEqual(new StatusSource("new", later.Title, new DateOnly(2023, 2, 7)), status.By.Single());
        StringAssert.StartsWith(status.Evidence, "本通知自2023年3月1日起施行，《关于加强企业温室气体排放报告管理的通知》");
    }

    [TestMethod]
    public void ANumberAloneNamesIt()
    {
        var later = Doc("new", "关于进一步规范排放报告工作的通知", "环办气候〔2021〕9号文件不再执行。", published: new DateOnly(2024, 1, 5));
        Assert.AreEqual(StatusStates.Repealed, Rules.Decide(Notice, [later]).State);
    }

    [TestMethod]
    public void TheSameTitleWithAnotherNumberIsAnotherText()
    {
        var current = Doc("cur", Notice.Title, "本通知自印发之日起施行。", "环办气候〔2024〕2号", new DateOnly(2024, 1, 10));
        var later = Doc("new", "关于做好排放报告工作的通知",
            "《关于加强企业温室气体排放报告管理的通知》（环办气候〔2021〕9号）同时废止。", published: new DateOnly(2024, 1, 10));

        Assert.AreEqual(StatusStates.InForce, Rules.Decide(current, [later]).State);
    }

    [TestMethod]
    public void ATitleNamesItWhenNoNumberIsWritten()
    {
        var undated = Notice with { DocumentNumber = null };
        var later = Doc("new", "关于印发《企业温室气体排放报告管理办法》的通知",
            "自2025年1月1日起，《关于加强企业温室气体排放报告管理的通知》废止。", published: new DateOnly(2024, 11, 20));

        var status = Rules.Decide(undated, [later]);

        Assert.AreEqual(StatusStates.Repealed, status.State);
        Assert.AreEqual(new DateOnly(2025, 1, 1), status.Since);
    }

    [TestMethod]
    [DataRow("经清理，《关于加强企业温室气体排放报告管理的通知》（环办气候〔2021〕9号）予以废止。")]
    [DataRow("《关于加强企业温室气体排放报告管理的通知》（环办气候〔2021〕9号）自2024年6月1日起废止。")]
    [DataRow("此前印发的《关于加强企业温室气体排放报告管理的通知》（环办气候〔2021〕9号）不再执行。")]
    [DataRow("本通知发布后，《关于加强企业温室气体排放报告管理的通知》（环办气候〔2021〕9号）废止。")]
    public void EachRepealingFormMakesIt已废止(string sentence)
    {
        var later = Doc("new", "关于做好排放报告工作的通知", "为做好有关工作，现通知如下。" + sentence, published: new DateOnly(2024, 5, 1));
        var status = Rules.Decide(Notice, [later]);
        Assert.AreEqual(StatusStates.Repealed, status.State);
        Assert.AreEqual(sentence.TrimEnd('。'), status.Evidence);
    }

    [TestMethod]
    public void ARepealIssuedInANoticeNamesTheIssuedText()
    {
        var issuing = Doc("old", "关于印发《排污许可管理暂行规定》的通知", "现将《排污许可管理暂行规定》印发给你们，请遵照执行。", published: new DateOnly(2016, 12, 23));
        var later = Doc("new", "排污许可管理办法", "本办法自2024年7月1日起施行。《排污许可管理暂行规定》同时废止。", published: new DateOnly(2024, 4, 1));

        Assert.AreEqual(StatusStates.Repealed, Rules.Decide(issuing, [later]).State);
    }

    [TestMethod]
    public void PlansDraftsAndEarlierTextsRepealNothing()
    {
        var plan = Doc("plan", "关于开展规范性文件清理工作的通知",
            "对不适应形势需要的，及时推动废止或修改《关于加强企业温室气体排放报告管理的通知》。", published: new DateOnly(2024, 1, 1));
        var draft = Doc("draft", "关于公开征求《温室气体排放报告管理办法（征求意见稿）》意见的通知",
            "《关于加强企业温室气体排放报告管理的通知》（环办气候〔2021〕9号）同时废止。", published: new DateOnly(2024, 2, 1));
        var earlier = Doc("earlier", "关于排放报告的通知", "《关于加强企业温室气体排放报告管理的通知》（环办气候〔2021〕9号）同时废止。",
            published: new DateOnly(2020, 1, 1));

        Assert.AreEqual(StatusStates.InForce, Rules.Decide(Notice, [plan, draft, earlier]).State);
    }

    [TestMethod]
    [DataRow("国务院关于修改《中华人民共和国对外合作开采海洋石油资源条例》的决定", "国务院决定对《中华人民共和国对外合作开采海洋石油资源条例》作如下修改：第十一条修改为：“……。”")]
    [DataRow("关于海洋石油资源开采的决定", "国务院决定对《中华人民共和国对外合作开采海洋石油资源条例》作如下修改：第十一条修改为：“……。”")]
    [DataRow("关于海洋石油资源开采的决定", "经研究，《中华人民共和国对外合作开采海洋石油资源条例》已修订。")]
    public void ALaterTextThatAmendsItMakesIt已修订(string title, string body)
    {
        var law = Doc("law", "中华人民共和国对外合作开采海洋石油资源条例", "本条例自公布之日起施行。", published: new DateOnly(2001, 9, 23));
        var amending = Doc("amending", title, body, published: new DateOnly(2011, 9, 30));

        var status = Rules.Decide(law, [amending]);

        Assert.AreEqual(StatusStates.Revised, status.State);
        Assert.AreEqual("amending", status.By.Single().Id);
    }

    [TestMethod]
    public void APlannedRevisionIsNoRevision()
    {
        var law = Doc("law", "中华人民共和国煤炭法", "本法自1996年12月1日起施行。", published: new DateOnly(1996, 8, 29));
        var plan = Doc("plan", "关于促进煤炭工业健康发展的若干意见", "抓紧修订《中华人民共和国煤炭法》，完善配套法规。", published: new DateOnly(2005, 6, 7));
        Assert.AreEqual(StatusStates.InForce, Rules.Decide(law, [plan]).State);
    }

    [TestMethod]
    [DataRow("2024-12-31", StatusStates.InForce, null)]
    [DataRow("2025-01-01", StatusStates.Expired, "2025-01-01")]
    public void A有效期NYearsEndsTheDayBeforeItsAnniversary(string today, string state, string? since)
    {
        var rules = new StatusRules(new FakeTimeProvider(DateOnly.Parse(today, CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(10, 0)) - TimeSpan.FromHours(8)), TestData.Search.StatusPhrases);
        var pilot = Doc("pilot", "关于开展气候投融资试点工作的通知", "本通知自2020年1月1日起施行，有效期五年。", published: new DateOnly(2019, 12, 20));

        var status = rules.Decide(pilot, []);

        Assert.AreEqual(state, status.State);
        if (since is not null) Assert.AreEqual(DateOnly.Parse(since, CultureInfo.InvariantCulture), status.Since);
        Assert.AreEqual("本通知自2020年1月1日起施行，有效期五年", status.Evidence);
    }

    [TestMethod]
    public void A有效期至ADayEndsAfterThatDayInChina()
    {
        var rules = new StatusRules(new FakeTimeProvider(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero)), TestData.Search.StatusPhrases); // 2026-01-01 00:00 in Beijing
        var measure = Doc("m", "关于延续新能源汽车购置税优惠政策的公告", "本公告自印发之日起施行，有效期至2025年12月31日。", published: new DateOnly(2023, 6, 19));

        var status = rules.Decide(measure, []);

        Assert.AreEqual(StatusStates.Expired, status.State);
        Assert.AreEqual(new DateOnly(2026, 1, 1), status.Since);
        Assert.AreEqual(StatusStates.InForce, new StatusRules(new FakeTimeProvider(new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero)), TestData.Search.StatusPhrases).Decide(measure, []).State);
    }

    [TestMethod]
    public void APilotsValidityIsNotTheDocuments()
    {
        var reform = Doc("r", "关于优化环评审批的指导意见", "有关试点有效期自文件发布之日起至2025年12月31日。本意见自印发之日起施行。", published: new DateOnly(2023, 3, 1));
        Assert.AreEqual(StatusStates.InForce, Rules.Decide(reform, []).State);
    }

    [TestMethod]
    public void ADraftNamesItsLaterFinalTextButNotAnEarlierOne()
    {
        var draft = Doc("draft", "关于公开征求《碳排放权交易管理办法（征求意见稿）》意见的通知",
            "我部组织起草了《碳排放权交易管理办法（征求意见稿）》，现公开征求意见。", published: new DateOnly(2024, 3, 1));
        var earlier = Doc("earlier", "碳排放权交易管理办法", "本办法自2014年12月10日起施行。", published: new DateOnly(2014, 12, 10));
        var final = Doc("final", "碳排放权交易管理办法", "本办法自2025年2月1日起施行。", published: new DateOnly(2024, 12, 20));
        var issued = Doc("issued", "关于印发《碳排放权交易管理办法》的通知", "现将《碳排放权交易管理办法》印发给你们。", published: new DateOnly(2024, 12, 21));
        var otherDraft = Doc("draft2", "碳排放权交易管理办法（二次征求意见稿）", "现公开征求意见。", published: new DateOnly(2024, 8, 1));

        var status = Rules.Decide(draft, [earlier, final, issued, otherDraft]);

        Assert.AreEqual(StatusStates.Draft, status.State);
        Assert.AreEqual(new DateOnly(2024, 3, 1), status.Since);
        CollectionAssert.AreEqual(new[] { "final", "issued" }, status.By.Select(b => b.Id).ToList());
        Assert.AreEqual(draft.Title, status.Evidence);
    }

    [TestMethod]
    public void ATitleGivingTheMarkerAfterTheQuotedTitleNamesTheFinalByThatTitle()
    {
        var draft = Doc("draft", "关于公开征求《温室气体自愿减排交易管理办法（试行）》（征求意见稿）意见的通知",
            "我部组织起草了《温室气体自愿减排交易管理办法（试行）》（征求意见稿），现公开征求意见。", published: new DateOnly(2023, 7, 7));
        var final = Doc("final", "温室气体自愿减排交易管理办法（试行）", "现予公布，自公布之日起施行。", published: new DateOnly(2023, 10, 20));

        Assert.AreEqual("温室气体自愿减排交易管理办法（试行）", Rules.DraftSubject(draft));
        Assert.AreEqual("final", Rules.Decide(draft, [final]).By.Single().Id);
    }

    [TestMethod]
    public void ALetterAskingForCommentsOnADraftInItsBodyIsADraft()
    {
        var letter = Doc("letter", "关于征求《黄金行业污染防治技术政策》意见的函",
            "为推动行业污染防治技术进步，我部组织起草了《黄金行业污染防治技术政策（征求意见稿）》。现将征求意见稿印送给你们。", published: new DateOnly(2018, 12, 4));
        var status = Rules.Decide(letter, []);
        Assert.AreEqual(StatusStates.Draft, status.State);
        Assert.AreEqual("为推动行业污染防治技术进步，我部组织起草了《黄金行业污染防治技术政策（征求意见稿）》", status.Evidence);
        Assert.AreEqual("黄金行业污染防治技术政策", Rules.DraftSubject(letter));
    }

    [TestMethod]
    [DataRow("本办法自2024年7月1日起施行。", "2024-07-01")]
    [DataRow("现予公布，自公布之日起施行。", "2022-05-10")]
    [DataRow("现将《碳排放核查工作指南》印发给你们，请遵照执行。", "2022-05-10")]
    public void ADocumentInForceByItsOwnWordsIs现行有效(string body, string since)
    {
        var d = Doc("d", "碳排放核查工作指南", "为规范核查工作，制定本指南。" + body, published: new DateOnly(2022, 5, 10));
        var status = Rules.Decide(d, []);
        Assert.AreEqual(StatusStates.InForce, status.State);
        Assert.AreEqual(DateOnly.Parse(since, CultureInfo.InvariantCulture), status.Since);
    }

    [TestMethod]
    public void AReplyIssuedUnderA版记Is现行有效FromThatDay()
    {
        var reply = Doc("r", "关于某核电厂二期工程环境影响报告书的批复",
            "你公司报送的报告书收悉。经研究，批复如下。生态环境部2022年11月29日（此件社会公开）抄送：有关省生态环境厅。生态环境部办公厅2022年11月30日印发");
        var status = Rules.Decide(reply, []);
        Assert.AreEqual(StatusStates.InForce, status.State);
        Assert.AreEqual(new DateOnly(2022, 11, 30), status.Since);
    }

    [TestMethod]
    public void ANewsItemAboutAConsultationIsNoDraft()
    {
        var news = Doc("n", "生态环境部向社会公开征求意见推动正面清单工作制度化",
            "生态环境部研究起草了《关于加强监督执法正面清单管理的指导意见（征求意见稿）》，并向社会公开征求意见。");
        Assert.IsNull(Rules.DraftSubject(news));
    }

    [TestMethod]
    public void ALawQuotedAsInForceDoesNotMakeTheQuotingText现行有效()
    {
        var news = Doc("n", "生态环境部召开部常务会议", "会议指出，《中华人民共和国固体废物污染环境防治法》自2020年9月1日起施行以来，各地认真落实。", published: new DateOnly(2021, 1, 1));
        Assert.AreEqual(DocumentStatus.Unknown, Rules.Decide(news, []));
    }
}
