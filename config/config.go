// Package config holds dossier's settings: a typed Config with defaults and
// validation, built once from a viper instance that layers flags over
// DOSSIER_* environment variables over a config file over defaults.
package config

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/spf13/viper"
)

// Config is every setting dossier reads, after precedence is applied.
type Config struct {
	// Store is where the graph lives: a bolt folder path (default
	// "./dossier.db") or "memory".
	Store string `mapstructure:"store"`
	// Extract configures the extraction pass.
	Extract Extract `mapstructure:"extract"`
	// Workers is the number of extraction workers for ingest.
	Workers int `mapstructure:"workers"`
	// Quiet turns off progress and warnings on stderr.
	Quiet bool `mapstructure:"quiet"`
}

// Extract configures the extraction pass.
type Extract struct {
	// NER names the entity recogniser: "dossier" (the project's trained
	// model) or "prose" (prose v2's, kept for comparison).
	NER string `mapstructure:"ner"`
	// Claims turns claim and relation extraction on or off.
	Claims bool `mapstructure:"claims"`
	// Corrections is a corrections file (YAML: merge, split, kind, type,
	// never) applied to every document extracted; "" for none.
	Corrections string `mapstructure:"corrections"`
	// Attribution names how claims are found: "model" (the rules and the
	// trained attribution model, extract/attrib) or "rules" (the rules of
	// extract/claims alone).
	Attribution string `mapstructure:"attribution"`
	// Allegations names how allegations are found: "rules" (the rules of
	// extract/claims) or "model" (the rules and then the learned
	// allegation detector, extract/claims/allegmodel.tsv).
	Allegations string `mapstructure:"allegations"`
}

// Attributions lists the valid values of Extract.Attribution.
var Attributions = []string{"model", "rules"}

// AllegationModes lists the valid values of Extract.Allegations.
var AllegationModes = []string{"rules", "model"}

// Recognisers lists the valid values of Extract.NER.
var Recognisers = []string{"dossier", "prose"}

// Default returns the defaults.
func Default() Config {
	return Config{
		Store:   "dossier.db",
		Extract: Extract{NER: "dossier", Claims: true, Attribution: "model", Allegations: "rules"},
		Workers: runtime.NumCPU(),
	}
}

// SetDefaults registers the defaults on v so that they take the lowest
// precedence.
func SetDefaults(v *viper.Viper) {
	d := Default()
	v.SetDefault("store", d.Store)
	v.SetDefault("extract.ner", d.Extract.NER)
	v.SetDefault("extract.claims", d.Extract.Claims)
	v.SetDefault("extract.corrections", d.Extract.Corrections)
	v.SetDefault("extract.attribution", d.Extract.Attribution)
	v.SetDefault("extract.allegations", d.Extract.Allegations)
	v.SetDefault("workers", d.Workers)
	v.SetDefault("quiet", d.Quiet)
}

// EnvPrefix is the prefix of environment variables: DOSSIER_STORE,
// DOSSIER_EXTRACT_NER, DOSSIER_WORKERS...
const EnvPrefix = "DOSSIER"

// DefaultFile is the config file read when --config is not given and the
// file exists in the working directory.
const DefaultFile = "dossier.yaml"

// New returns a viper instance with defaults and environment bound. It
// reads file when it is not empty (an error if it cannot be read), else
// DefaultFile if it exists.
func New(file string) (*viper.Viper, error) {
	v := viper.New()
	SetDefaults(v)
	v.SetEnvPrefix(EnvPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_", "-", "_"))
	v.AutomaticEnv()
	if file == "" {
		if _, err := os.Stat(DefaultFile); err == nil {
			file = DefaultFile
		}
	}
	if file != "" {
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("config file %s: %w", file, err)
		}
	}
	return v, nil
}

// Load converts v into a validated Config.
func Load(v *viper.Viper) (Config, error) {
	c := Config{
		Store: v.GetString("store"),
		Extract: Extract{NER: v.GetString("extract.ner"), Claims: v.GetBool("extract.claims"), Corrections: v.GetString("extract.corrections"), Attribution: v.GetString("extract.attribution"),
			Allegations: v.GetString("extract.allegations")},
		Workers: v.GetInt("workers"),
		Quiet:   v.GetBool("quiet"),
	}
	return c, c.Validate()
}

// Validate checks every field and reports all problems at once.
func (c *Config) Validate() error {
	var errs []error
	if strings.TrimSpace(c.Store) == "" {
		errs = append(errs, errors.New("store: empty (a bolt folder path or \"memory\")"))
	}
	ok := false
	for _, r := range Recognisers {
		ok = ok || c.Extract.NER == r
	}
	if !ok {
		errs = append(errs, fmt.Errorf("extract.ner: %q is not one of %s", c.Extract.NER, strings.Join(Recognisers, ", ")))
	}
	if c.Extract.Attribution != "model" && c.Extract.Attribution != "rules" {
		errs = append(errs, fmt.Errorf("extract.attribution: %q is not one of %s", c.Extract.Attribution, strings.Join(Attributions, ", ")))
	}
	if c.Extract.Allegations != "rules" && c.Extract.Allegations != "model" {
		errs = append(errs, fmt.Errorf("extract.allegations: %q is not one of %s", c.Extract.Allegations, strings.Join(AllegationModes, ", ")))
	}
	if c.Workers < 1 || c.Workers > 1024 {
		errs = append(errs, fmt.Errorf("workers: %d is not between 1 and 1024", c.Workers))
	}
	if len(errs) > 0 {
		return fmt.Errorf("invalid configuration: %w", errors.Join(errs...))
	}
	return nil
}
