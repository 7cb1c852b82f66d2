package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"ewsi/auth"
	"ewsi/graph"
)

// adminCmd manages accounts from the command line:
// `ewsi admin create-admin --email ADDRESS [--name NAME]`, the password read
// from the first line of standard input.
func adminCmd(ctx context.Context, cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create-admin" {
		fmt.Fprintln(stderr, "usage: ewsi admin create-admin --email ADDRESS [--name NAME] < password")
		return errUsage
	}
	fs := flag.NewFlagSet("admin create-admin", flag.ContinueOnError)
	fs.SetOutput(stderr)
	email := fs.String("email", "", "the admin's email address (an existing account gains the admin role)")
	name := fs.String("name", "Administrator", "the admin's name, for a new account")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ewsi admin create-admin --email ADDRESS [--name NAME] < password\n\nCreates a confirmed account with the admin role, its password read from the first line of standard input\n(at least 10 characters); an address that has an account keeps its password and gains the role.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args[1:]); err != nil || fs.NArg() > 0 || *email == "" {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return err
	}
	password := strings.TrimRight(line, "\r\n")
	log := newLogger(cfg, stderr)
	db, err := openDB(ctx, cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.Close()
	svc, err := auth.New(auth.Config{}, db.Store, nil, log)
	if err != nil {
		return err
	}
	id, created, err := svc.CreateAdmin(ctx, *name, *email, password)
	if err != nil {
		if graph.ErrorCode(err) == graph.EINVALID && strings.Contains(graph.ErrorMessage(err), "password") {
			return graph.Errorf(graph.EINVALID, "standard input", "%s", graph.ErrorMessage(err))
		}
		return err
	}
	what := "gained the admin role"
	if created {
		what = "created with the admin role"
	}
	fmt.Fprintf(stdout, "%s: %s\n", id, what)
	return nil
}
