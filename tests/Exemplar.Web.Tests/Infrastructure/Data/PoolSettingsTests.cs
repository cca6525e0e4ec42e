using Exemplar.Web.Infrastructure.Data;
using Npgsql;

namespace Exemplar.Web.Tests.Infrastructure.Data;

/// <summary>The app's connection pool settings, and that a deployment's own connection string wins over them.</summary>
public sealed class PoolSettingsTests
{
    [Fact]
    public void A_plain_connection_string_gets_no_session_reset_64_KB_buffers_and_statements_prepared_at_their_second_use()
    {
        var csb = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolSettings("Host=db;Username=u;Database=d"));
        Assert.Equal(100, csb.MaxAutoPrepare);
        Assert.Equal(2, csb.AutoPrepareMinUsages);
        Assert.True(csb.NoResetOnClose);
        Assert.Equal(65536, csb.WriteBufferSize);
        Assert.Equal(65536, csb.ReadBufferSize);
        Assert.Equal("db", csb.Host);
    }

    [Fact]
    public void A_ledger_imports_own_connections_prepare_nothing_but_keep_the_other_settings()
    {
        var csb = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithoutPreparation(DatabaseSetup.WithPoolSettings("Host=db;Username=u;Database=d")));
        Assert.Equal(0, csb.MaxAutoPrepare);
        Assert.True(csb.NoResetOnClose);
        Assert.Equal(65536, csb.WriteBufferSize);
    }

    [Fact]
    public void Values_the_deployment_sets_are_kept()
    {
        var csb = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolSettings(
            "Host=db;Max Auto Prepare=10;No Reset On Close=false;Write Buffer Size=16384;Read Buffer Size=32768"));
        Assert.Equal(10, csb.MaxAutoPrepare);
        Assert.False(csb.NoResetOnClose);
        Assert.Equal(16384, csb.WriteBufferSize);
        Assert.Equal(32768, csb.ReadBufferSize);
    }

    [Fact]
    public void Each_setting_is_kept_or_set_by_its_own_key()
    {
        var csb = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolSettings(
            "Host=db;Socket Receive Buffer Size=8192;ReadBufferSize=32768;NoResetOnClose=false"));
        Assert.Equal(32768, csb.ReadBufferSize);
        Assert.Equal(65536, csb.WriteBufferSize);
        Assert.Equal(8192, csb.SocketReceiveBufferSize);
        Assert.False(csb.NoResetOnClose);
    }
}
