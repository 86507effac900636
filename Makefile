.PHONY: demo test oppsett

oppsett:
	scripts/oppsett

demo: oppsett
	scripts/demo

test: oppsett
	scripts/test
