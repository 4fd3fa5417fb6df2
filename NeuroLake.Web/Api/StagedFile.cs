using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NeuroLake.Engine.Ingestion;

namespace NeuroLake.Web.Api;

/// <summary>
/// An uploaded file in the staging folder, streamed there from the raw request body or from the first file part of a
/// multipart body (read section by section with <see cref="MultipartReader"/>, never buffered as a form).
/// </summary>
internal sealed class StagedFile
{
    private readonly string _folder;

    private StagedFile(string folder, string fileName, SourceFileInfo info) =>
        (_folder, Path, Info) = (folder, System.IO.Path.Combine(folder, fileName), info);

    public string Path { get; }

    public SourceFileInfo Info { get; }

    /// <summary>The staged file, or null when a multipart body holds no file part.</summary>
    /// <param name="queryFileName">The <c>filename</c> query parameter, which wins over Content-Disposition.</param>
    public static async Task<StagedFile?> ReceiveAsync(HttpRequest request, string stagingFolder, string? queryFileName, CancellationToken ct)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            && contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                throw new IngestionException("The multipart/form-data request has no boundary in its Content-Type: let the client library build the header.");
            }

            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                {
                    var name = queryFileName ?? FileNameOf(disposition);
                    return await SaveAsync(section.Body, stagingFolder, name, null, ct);
                }
            }

            return null;
        }

        var headerName = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var raw) ? FileNameOf(raw) : null;
        return await SaveAsync(request.Body, stagingFolder, queryFileName ?? headerName, request.ContentLength, ct);
    }

    private static string? FileNameOf(ContentDispositionHeaderValue disposition) =>
        disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;

    private static async Task<StagedFile> SaveAsync(Stream body, string stagingFolder, string? name, long? length, CancellationToken ct)
    {
        var fileName = StagingFileName.Sanitize(name);
        // A folder per upload keeps concurrent uploads of one name apart, and messages name the file as the user did.
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(stagingFolder, Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var info = await StagedUpload.CopyAsync(body, System.IO.Path.Combine(folder, fileName), fileName, length, progress: null, ct);
            return new StagedFile(folder, fileName, info);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public void Delete()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Staging is scratch space; a file still open elsewhere is cleaned up with the folder.
        }
    }
}
