# Everyday commands. The stack targets call scripts/stack; `make help` lists them all.
.DEFAULT_GOAL := help
.PHONY: help up down clean logs ps smoke shell test verify bench

help: ## this list
	@awk 'BEGIN {FS = ":.*## "} /^[a-z]+:.*## / {printf "  make %-7s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "Variables: APP_PORT (default 8080), BASE_IMAGES=local|public; more in sample-app/.env.example"

up: ## build and start the sample stack (installs Docker and Compose when missing), wait for /ready, print the URL
	@scripts/stack up

down: ## stop the stack; the database volume is kept
	@scripts/stack down

clean: ## stop the stack and delete the database volume; says what it removed
	@scripts/stack clean

logs: ## the last log lines of the app and the database (TAIL=200)
	@scripts/stack logs

ps: ## the stack's containers with their state and health
	@scripts/stack ps

smoke: ## the stack tests' smoke contract against the running stack
	@scripts/stack smoke

shell: ## how to inspect the shell-less app container, with the checks run
	@scripts/stack shell

test: ## the test suite, as CI runs it (bash .ci/run: installs what it needs)
	@bash .ci/run

verify: ## hardened:verify on the sample's committed container files
	@./mvnw -B -q install -DskipTests -Dinvoker.skip -pl .,hardened-container-maven-plugin
	@./mvnw -B -pl sample-app hardened:verify

bench: ## the benchmark of the sample's image variants (about 13 minutes; docs/performance.md)
	@bench/run
