using Microsoft.Playwright;

namespace NeuroLake.E2E;

/// <summary>Drops a real file on a page the way a user's drag from the desktop does: dragenter, dragover and drop events carrying a DataTransfer with the file.</summary>
internal static class DroppedFile
{
    private const string Script = """
        async ([name, base64]) => {
            const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, { type: 'text/csv' }));
            const target = document.querySelector('main') ?? document.body;
            for (const type of ['dragenter', 'dragover', 'drop']) {
                target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
            }
        }
        """;

    public static async Task DropAsync(IPage page, string path) =>
        await page.EvaluateAsync(Script, new[] { Path.GetFileName(path), Convert.ToBase64String(await File.ReadAllBytesAsync(path)) });

    /// <summary>Drops a file named <paramref name="name"/> holding <paramref name="text"/> (UTF-8).</summary>
    public static async Task DropTextAsync(IPage page, string name, string text) =>
        await page.EvaluateAsync(Script, new[] { name, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)) });
}
