# A deliberately malformed routine for the CLI error tests.
        .text
f:      movl %rax, (%rdi)
        ret
