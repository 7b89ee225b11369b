using System.Text.RegularExpressions;

namespace PolicyKB.Briefs.Tests.Summaries;

/// <summary>
/// What an editor deletes every time (the issue's list: 现提出以下意见, masthead, 印发给你们, 请遵照执行, 特此通知, 现予公布,
/// addressees, signature lines), written here apart from data/briefs so that the tests check the data file's reach
/// rather than restating it.
/// </summary>
internal static partial class EditorDeletes
{
    [GeneratedRegex(@"提出(?:以下|如下)意见|印发给你们|遵照执行|贯彻执行|特此(?:通知|公告)|现予(?:公布|发布|印发)|^[^，。《》]{2,300}?文件[^，。《》]{0,16}〔\d{4}〕\d+号|^各省、自治区[^。]*?[：:]|^[^。，]{2,40}\d{4}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex Pattern();

    public static bool IsMatch(string sentence) => Pattern().IsMatch(sentence);
}
