namespace NeuroLake.Web.Security;

/// <summary>A request body went past a limit while it was read; <see cref="RequestSizeLimits"/> answers it as a problem.</summary>
internal sealed class RequestBodyTooLargeException(int statusCode, string title, string detail) : IOException(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    public IResult ToProblem() => Results.Problem(title: Title, detail: Message, statusCode: StatusCode);
}
