package graphtest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"

	_ "github.com/lib/pq" // the PostgreSQL driver FreshPostgres uses
)

// PostgresEnv names the variable that holds the test server's URL.
const PostgresEnv = "DOSSIER_TEST_POSTGRES"

// PostgresURL returns the test server's URL or skips the test.
func PostgresURL(t testing.TB) string {
	u := os.Getenv(PostgresEnv)
	if u == "" {
		t.Skip(PostgresEnv + " is not set to a PostgreSQL URL; .ci/postgres.sh starts a server and sets it")
	}
	return u
}

var schemas atomic.Int64

// FreshPostgres creates an empty schema in the test database, dropped when
// the test ends, and returns a URL whose search path is that schema: each
// test gets a store of its own.
func FreshPostgres(t testing.TB) string {
	t.Helper()
	base := PostgresURL(t)
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("dossier_test_%d_%d", os.Getpid(), schemas.Add(1))
	if _, err := db.Exec(`DROP SCHEMA IF EXISTS ` + name + ` CASCADE; CREATE SCHEMA ` + name); err != nil {
		db.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db.Exec(`DROP SCHEMA ` + name + ` CASCADE`)
		db.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}
