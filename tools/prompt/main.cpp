// prompt's entry point: the shared runner does the rest.
#include "prompt.hpp"
int main(int argc, char** argv) {
    return tend::run_main("prompt", argc, argv, prompt::main);
}
