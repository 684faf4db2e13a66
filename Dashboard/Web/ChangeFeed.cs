using System.Globalization;
using System.Text;
using HarmonySim.Dashboard.Model;
using Microsoft.AspNetCore.Http;

namespace HarmonySim.Dashboard.Web;

/// <summary>
/// Server push for the pages (server-sent events): after each change of the run, at most four times a second, one
/// small message with the run's version and virtual time; the page then fetches what it shows. The run never waits
/// for a page: a change only releases a waiting stream.
/// </summary>
public static class ChangeFeed
{
    private static readonly TimeSpan MinGap = TimeSpan.FromMilliseconds(250);

    public static async Task Stream(HttpContext context, RunView view)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(view);
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var changed = new SemaphoreSlim(0, 1);
        void Release()
        {
            if (changed.CurrentCount == 0)
            {
                try { changed.Release(); }
                catch (SemaphoreFullException) { /* already signalled: one wake-up is enough */ }
            }
        }
        view.Changed += Release;
        var token = context.RequestAborted;
        try
        {
            long sent = -1;
            while (!token.IsCancellationRequested)
            {
                if (view.Version != sent)
                {
                    sent = view.Version;
                    var data = string.Create(CultureInfo.InvariantCulture, $"data: {{\"version\":{sent},\"now\":{view.Now:0.######},\"state\":\"{view.State}\"}}\n\n");
                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(data), token);
                    await context.Response.Body.FlushAsync(token);
                    await Task.Delay(MinGap, token);
                }
                // A heartbeat every 15 s keeps proxies from closing an idle stream (a paused run changes nothing).
                if (!await changed.WaitAsync(TimeSpan.FromSeconds(15), token))
                {
                    await context.Response.Body.WriteAsync(": idle\n\n"u8.ToArray(), token);
                    await context.Response.Body.FlushAsync(token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The page went away.
        }
        finally
        {
            view.Changed -= Release;
            changed.Dispose();
        }
    }
}
