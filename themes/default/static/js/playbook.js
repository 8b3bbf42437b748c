// Playbook default theme script.
