using HarmonySim.Silo.Commands;

namespace HarmonySim.Silo.Tests.Commands;

[TestClass]
public sealed class ErrorLogTests
{
    [TestMethod]
    public void An_internal_error_is_one_line_on_the_terminal_and_a_full_trace_in_the_log()
    {
        var dir = Path.Combine(Path.GetTempPath(), "harmonysim-log-" + Guid.NewGuid().ToString("N"));
        try
        {
            Exception error;
            try { throw new InvalidOperationException("boom\nsecond line"); }
            catch (InvalidOperationException e) { error = e; }

            var log = ErrorLog.Write(dir, error);
            Assert.IsNotNull(log);
            StringAssert.StartsWith(log, dir);
            var text = File.ReadAllText(log);
            StringAssert.Contains(text, "InvalidOperationException");
            StringAssert.Contains(text, nameof(An_internal_error_is_one_line_on_the_terminal_and_a_full_trace_in_the_log), "the stack trace");
            var line = ErrorLog.Line(error, log);
            Assert.DoesNotContain("\n", line);
            StringAssert.Contains(line, log);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void A_log_folder_that_cannot_be_written_falls_back_to_the_temp_folder()
    {
        var file = Path.GetTempFileName();
        try
        {
            var log = ErrorLog.Write(Path.Combine(file, "under-a-file"), new InvalidOperationException("boom"));
            Assert.IsNotNull(log);
            StringAssert.StartsWith(log, Path.GetFullPath(Path.GetTempPath()));
            File.Delete(log);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
