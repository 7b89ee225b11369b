using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PolicyKB.Model;

namespace PolicyKB.Service.Api;

/// <summary>RFC 7807 answers in Chinese that name what the caller got wrong (the <c>errors</c> map keeps the parameters' names as keys).</summary>
internal static class Problems
{
    /// <summary>400 with one entry per bad parameter in <c>errors</c> and the first one spelled out in <c>detail</c>.</summary>
    public static IResult BadParameters(IReadOnlyDictionary<string, string[]> errors)
    {
        var (name, messages) = errors.First();
        return TypedResults.ValidationProblem(
            errors,
            detail: $"参数 '{name}'：{messages[0]}",
            title: "请求参数有误",
            extensions: new Dictionary<string, object?> { ["parameters"] = errors.Keys.ToArray() });
    }

    /// <summary>400 for input that was not read: each of its errors under its parameter's name, after <paramref name="prefix"/> (search.q).</summary>
    public static IResult BadParameters<T>(Parsed<T> failed, string prefix = "")
        => BadParameters(failed.Errors.ToDictionary(e => prefix + e.Key, e => new[] { e.Value }, StringComparer.Ordinal));

    public static IResult BadParameter(string name, string message)
        => BadParameters(new Dictionary<string, string[]> { [name] = [message] });

    public static IResult UnsupportedMediaType(string detail)
        => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的内容类型");

    public static IResult NotFound(string detail)
        => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "未找到");

    /// <summary>404 for a document id the knowledge base does not hold.</summary>
    public static IResult UnknownDocument(string id)
        => NotFound($"知识库中没有编号为“{InvisibleText.Excerpt(id)}”的文件。");

    /// <summary>400 for a document id longer than any the knowledge base gives.</summary>
    public static IResult IdTooLong(string name)
        => BadParameter(name, $"文件编号过长：最多 {SearchEndpoints.MaxIdLength} 个字符。");

    public static IResult SearchTimedOut(TimeSpan timeout)
        => TypedResults.Problem(
            detail: $"检索未能在 {timeout.TotalSeconds:0.#} 秒内完成，请缩小检索范围后再试。",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "检索超时");

    /// <summary>500 naming the rule of the service's data files that could not read a text in time (the file is the operator's to mend).</summary>
    public static IResult RuleTooSlow(RuleTimeoutException e)
        => TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status500InternalServerError, title: "数据文件中的规则超时");

    /// <summary>
    /// The last word on every problem the service writes, the framework's own included (an unknown address, a body
    /// over the size limit, a method not allowed): a title or detail with no Chinese in it is replaced by the Chinese
    /// one for its status, so no answer reaches the page in English.
    /// </summary>
    public static void InChinese(ProblemDetails problem)
    {
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (!HasChinese(problem.Title)) problem.Title = TitleOf(status);
        if (!HasChinese(problem.Detail)) problem.Detail = DetailOf(status);
    }

    private static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求有误",
        StatusCodes.Status401Unauthorized => "未授权",
        StatusCodes.Status403Forbidden => "禁止访问",
        StatusCodes.Status404NotFound => "未找到",
        StatusCodes.Status405MethodNotAllowed => "不支持的请求方法",
        StatusCodes.Status408RequestTimeout => "请求超时",
        StatusCodes.Status409Conflict => "冲突",
        StatusCodes.Status413PayloadTooLarge => "请求体过大",
        StatusCodes.Status414UriTooLong => "网址过长",
        StatusCodes.Status415UnsupportedMediaType => "不支持的内容类型",
        StatusCodes.Status423Locked => "知识库被占用",
        StatusCodes.Status429TooManyRequests => "请求过于频繁",
        StatusCodes.Status503ServiceUnavailable => "服务暂不可用",
        >= 500 => "服务内部错误",
        _ => "请求未能完成",
    };

    private static string DetailOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求的格式不正确，请检查后再试。",
        StatusCodes.Status401Unauthorized => "此操作需要管理密钥。",
        StatusCodes.Status403Forbidden => "此操作未被允许。",
        StatusCodes.Status404NotFound => "没有这个地址。",
        StatusCodes.Status405MethodNotAllowed => "此地址不支持这种请求方法。",
        StatusCodes.Status408RequestTimeout => "请求未能及时送达，请重试。",
        StatusCodes.Status413PayloadTooLarge => "请求体超过了服务允许的大小，请分批上传。",
        StatusCodes.Status414UriTooLong => "网址过长，请缩短查询。",
        StatusCodes.Status415UnsupportedMediaType => "请以 application/json（UTF-8）发送请求体。",
        StatusCodes.Status429TooManyRequests => "请求过于频繁，请稍后再试。",
        StatusCodes.Status503ServiceUnavailable => "服务暂时无法处理请求，请稍后再试。",
        >= 500 => "服务处理此请求时出错。",
        _ => "请求未能完成。",
    };
}
