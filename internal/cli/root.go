// Package cli is dossier's command line: one cobra root command whose
// subcommands read documents, extract, store, query and export. main only
// wires signals and turns the returned error into an exit status.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/dossier-project/dossier/config"
	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/graph"
	_ "github.com/dossier-project/dossier/graph/bolt"     // registers the bolt backend
	_ "github.com/dossier-project/dossier/graph/postgres" // registers the PostgreSQL backend
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3";
// otherwise it comes from the module's build information.
var Version = ""

// Exit statuses, documented in the root command's help.
const (
	ExitOK          = 0
	ExitError       = 1
	ExitUsage       = 2
	ExitPartial     = 3
	ExitNotFound    = 4
	ExitNoStore     = 10
	ExitLocked      = 11
	ExitNotStore    = 12
	ExitInterrupted = 130
)

const exitHelp = `Exit status:
  0    success
  1    error
  2    bad usage or configuration
  3    some inputs failed (the others were processed)
  4    no entity, document or claim matched
  10   no store at the given path
  11   the store is locked by another process
  12   the path is not a dossier store
  130  interrupted`

// UsageError marks an error in how the command was called.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// PartialError means some inputs failed while the rest were processed.
type PartialError struct{ Failed, Total int }

func (e *PartialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.Failed, e.Total)
}

// ExitCode maps an error returned by the root command to an exit status.
func ExitCode(err error) int {
	var ue *UsageError
	var pe *PartialError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &ue):
		return ExitUsage
	case errors.As(err, &pe):
		return ExitPartial
	case errors.Is(err, graph.ErrNoStore):
		return ExitNoStore
	case errors.Is(err, graph.ErrLocked):
		return ExitLocked
	case errors.Is(err, graph.ErrNotStore):
		return ExitNotStore
	case errors.Is(err, graph.ErrNotFound):
		return ExitNotFound
	}
	return ExitError
}

// app is the state shared by subcommands: configuration and streams.
type app struct {
	v      *viper.Viper
	cfg    config.Config
	read   source.Options // how inputs are read (--encoding)
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// New returns the root command. stdin, stdout and stderr are the streams
// the commands use: results go to stdout, everything else to stderr.
func New(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	var cfgFile, encoding string
	root := &cobra.Command{
		Use:   "dossier",
		Short: "Turn news articles into a knowledge graph of who alleged what about whom",
		Long: `dossier reads news articles and extracts the organisations, people and places
they name, the claims made (who said, alleged, denied, acknowledged or criticised
what, about whom, to which outlet) and the structural relations between them,
each with the sentence and offsets that support it. It stores them in an embedded
Cayley graph (bolt, no server needed) that you can query and export.

Configuration: flags, then DOSSIER_* environment variables (DOSSIER_STORE,
DOSSIER_EXTRACT_NER, DOSSIER_EXTRACT_CORRECTIONS,
DOSSIER_EXTRACT_ATTRIBUTION, DOSSIER_WORKERS), then the config file (--config, default
./dossier.yaml when present), then defaults.`,
		Example: `  dossier extract --json examples/kaspersky-2017-10-24.txt
  dossier ingest examples/
  dossier show "Eugene Kaspersky"
  dossier claims --stance deny`,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			v, err := config.New(cfgFile)
			if err != nil {
				return &UsageError{err}
			}
			for key, flag := range map[string]string{"store": "store", "extract.ner": "ner", "extract.corrections": "corrections", "extract.attribution": "attribution", "extract.allegations": "allegations", "workers": "workers", "quiet": "quiet"} {
				if f := cmd.Flags().Lookup(flag); f != nil {
					if err := v.BindPFlag(key, f); err != nil {
						return err
					}
				}
			}
			cfg, err := config.Load(v)
			if err != nil {
				return &UsageError{err}
			}
			a.v, a.cfg = v, cfg
			enc, err := source.LookupEncoding(encoding)
			if err != nil {
				return &UsageError{fmt.Errorf("--encoding: %w", err)}
			}
			a.read = source.Options{Encoding: enc}
			return nil
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &UsageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&cfgFile, "config", "", "config file (default ./dossier.yaml if present)")
	pf.String("store", config.Default().Store, `graph store: a bolt folder path, or "memory"`)
	pf.String("ner", config.Default().Extract.NER, "entity recogniser: "+strings.Join(config.Recognisers, " or "))
	pf.String("corrections", "", "corrections file applied to every document extracted (YAML: merge, split, kind, type, never; see README)")
	pf.String("attribution", config.Default().Extract.Attribution, "how claims are found: model (the rules and the trained attribution model) or rules (the rules alone)")
	pf.String("allegations", config.Default().Extract.Allegations, "how allegations are found: rules (the rules alone) or model (the rules, then the learned allegation detector adds what it scores above its threshold)")
	pf.BoolP("quiet", "q", false, "no progress or warnings on stderr")
	pf.StringVar(&encoding, "encoding", "auto", "character encoding of the inputs: auto (UTF-8, a UTF-16 byte order mark, an HTML page's charset, else Windows-1252 or Latin-1), or one such as utf-8, utf-16le, windows-1252, latin1, iso-8859-2, koi8-r")
	root.SetUsageTemplate(root.UsageTemplate() + "\n" + exitHelp + "\n")

	root.AddCommand(
		a.versionCmd(),
		a.extractCmd(),
		a.ingestCmd(),
		a.statsCmd(),
		a.entitiesCmd(),
		a.showCmd(),
		a.claimsCmd(),
		a.allegationsCmd(),
		a.timelineCmd(),
		a.queryCmd(),
		a.exportCmd(),
		a.evalCmd(),
		a.neighboursCmd(),
		a.pathCmd(),
		a.mentionsCmd(),
		a.serveCmd(),
		a.forgetCmd(),
	)
	for _, c := range root.Commands() {
		c.Args = wrapArgs(c.Args)
	}
	return root
}

// wrapArgs marks argument-count errors as usage errors.
func wrapArgs(f cobra.PositionalArgs) cobra.PositionalArgs {
	if f == nil {
		return nil
	}
	return func(cmd *cobra.Command, args []string) error {
		if err := f(cmd, args); err != nil {
			return &UsageError{err}
		}
		return nil
	}
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(a.stdout, "dossier", version())
			return err
		},
	}
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
		if v != "" {
			return v
		}
	}
	return "(devel)"
}

// warnf writes a warning to stderr unless quiet.
func (a *app) warnf(format string, args ...any) {
	if !a.cfg.Quiet {
		fmt.Fprintf(a.stderr, "dossier: "+format+"\n", args...)
	}
}

// errorf always writes to stderr: errors are not silenced by --quiet.
func (a *app) errorf(format string, args ...any) {
	fmt.Fprintf(a.stderr, "dossier: "+format+"\n", args...)
}

// openStore opens the configured store; create makes it if missing.
func (a *app) openStore(ctx context.Context, create bool) (*graph.Store, error) {
	return graph.Open(ctx, a.cfg.Store, &graph.Options{Create: create})
}

// Main runs the root command with args and returns the exit status,
// printing an error once, plainly, to stderr.
func Main(ctx context.Context, args []string) int {
	root := New(os.Stdin, os.Stdout, os.Stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	code := ExitCode(err)
	if err != nil {
		fmt.Fprintf(os.Stderr, "dossier: %v\n", err)
		if code == ExitUsage {
			fmt.Fprintln(os.Stderr, "Run 'dossier --help' for usage.")
		}
	}
	return code
}
