package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/lib/pq"
)

// COPY without database/sql.
//
// lib/pq's CopyIn, used through database/sql, takes one row per
// Stmt.Exec: database/sql checks and converts every value and allocates
// for every row, and lib/pq hex-encodes every hash into a buffer of its
// own. At a million quad rows for 5,000 articles that was half the
// writer's own CPU. dossier writes the rows in COPY's text format itself
// (appendField encodes a value exactly as lib/pq's CopyIn does, so the
// rows stored are the same), the quads' and the values' rows ahead of the
// write, in the ingest workers (Prepare), and hands them to lib/pq's COPY
// stream in blocks (its CopyData), on the transaction's own connection.

// wtx is a write transaction on a connection of its own, whose COPY
// streams go to the driver directly (copyIn).
type wtx struct {
	*sql.Tx
	conn *sql.Conn
}

// begin starts a write transaction on a connection of db.
func begin(ctx context.Context, db *sql.DB) (*wtx, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &wtx{Tx: tx, conn: conn}, nil
}

// end rolls back what was not committed and gives the connection back.
func (t *wtx) end() {
	t.Tx.Rollback()
	t.conn.Close()
}

// copyStream is lib/pq's COPY statement as its driver gives it.
type copyStream interface {
	driver.Stmt
	CopyData(ctx context.Context, line string) (driver.Result, error)
}

// copyBlock is how many bytes of rows go to the COPY stream at once.
const copyBlock = 256 << 10

// copyIn copies rows into table's cols by COPY: write appends rows in
// COPY's text format (each ending in a newline) to the buffer it is given
// and returns it, as often as it likes; a full buffer is sent.
func (t *wtx) copyIn(ctx context.Context, table string, cols []string, write func(buf []byte, flush func([]byte) ([]byte, error)) ([]byte, error)) error {
	return t.conn.Raw(func(dc any) error {
		pc, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return fmt.Errorf("COPY %s: driver connection %T cannot prepare", table, dc)
		}
		st, err := pc.PrepareContext(ctx, pq.CopyIn(table, cols...))
		if err != nil {
			return err
		}
		cs, ok := st.(copyStream)
		if !ok {
			st.Close()
			return fmt.Errorf("COPY %s: driver statement %T has no CopyData", table, st)
		}
		send := func(b []byte) ([]byte, error) {
			if len(b) == 0 {
				return b, nil
			}
			// CopyData adds the last row's newline.
			_, err := cs.CopyData(ctx, string(b[:len(b)-1]))
			return b[:0], err
		}
		flush := func(b []byte) ([]byte, error) {
			if len(b) < copyBlock {
				return b, nil
			}
			return send(b)
		}
		buf, err := write(make([]byte, 0, copyBlock+copyBlock/4), flush)
		if err == nil {
			_, err = send(buf)
		}
		if err == nil {
			// Exec(nil) ends the stream and reports the server's errors.
			_, err = cs.Exec(nil)
		}
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		return err
	})
}

// copyRows copies n rows into table by COPY; fill sets row i's values.
func copyRows(ctx context.Context, t *wtx, table string, cols []string, n int, fill func(i int, row []any)) error {
	if n == 0 {
		return nil
	}
	row := make([]any, len(cols))
	return t.copyIn(ctx, table, cols, func(buf []byte, flush func([]byte) ([]byte, error)) ([]byte, error) {
		var err error
		for i := 0; i < n; i++ {
			clear(row)
			fill(i, row)
			if buf, err = appendRow(buf, row); err != nil {
				return buf, fmt.Errorf("COPY %s: %w", table, err)
			}
			if buf, err = flush(buf); err != nil {
				return buf, err
			}
		}
		return buf, nil
	})
}

// appendRow appends a row of vals in COPY's text format, with its newline.
func appendRow(buf []byte, vals []any) ([]byte, error) {
	var err error
	for i, v := range vals {
		if i > 0 {
			buf = append(buf, '\t')
		}
		if buf, err = appendField(buf, v); err != nil {
			return buf, err
		}
	}
	return append(buf, '\n'), nil
}

// appendField appends v as a field of COPY's text format, encoded as
// lib/pq's CopyIn encodes it.
func appendField(buf []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(buf, `\N`...), nil
	case string:
		return appendEscaped(buf, v), nil
	case int64:
		return strconv.AppendInt(buf, v, 10), nil
	case int:
		return strconv.AppendInt(buf, int64(v), 10), nil
	case float64:
		return strconv.AppendFloat(buf, v, 'f', -1, 64), nil
	case bool:
		return strconv.AppendBool(buf, v), nil
	case []byte:
		return appendBytea(buf, v), nil
	case time.Time:
		return append(buf, pq.FormatTimestamp(v)...), nil
	case driver.Valuer:
		dv, err := v.Value()
		if err != nil {
			return buf, err
		}
		if _, again := dv.(driver.Valuer); again {
			return buf, fmt.Errorf("value %T encodes to %T", v, dv)
		}
		return appendField(buf, dv)
	}
	return buf, fmt.Errorf("no COPY encoding for %T", v)
}

// appendBytea appends b as a bytea field: hex, its backslash escaped.
func appendBytea(buf []byte, b []byte) []byte {
	buf = append(buf, `\\x`...)
	return hex.AppendEncode(buf, b)
}

// appendEscaped appends s with COPY's text escapes for backslash,
// newline, carriage return and tab.
func appendEscaped(buf []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc byte
		switch s[i] {
		case '\\':
			esc = '\\'
		case '\n':
			esc = 'n'
		case '\r':
			esc = 'r'
		case '\t':
			esc = 't'
		default:
			continue
		}
		buf = append(buf, s[start:i]...)
		buf = append(buf, '\\', esc)
		start = i + 1
	}
	return append(buf, s[start:]...)
}
