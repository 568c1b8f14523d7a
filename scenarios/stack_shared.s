# Stack memory shared through a pointer, as kernel code shares it (Linux's
# struct mutex_waiter, an MCS node, a turnstile entry): thread 0 publishes
# the address of its own stack frame in `frame`, and thread 1 reads and
# writes that frame through the pointer.
        .data
        .p2align 6
frame:  .quad 0           # thread 0's published frame pointer
        .p2align 6
y:      .quad 0
        .text
        .globl stack_sb_t0, stack_sb_t1, stack_sb_fenced_t0, stack_sb_fenced_t1
        .globl stack_mp_writer, stack_mp_reader, stack_mp_fenced_writer

# Store buffering with one flag in thread 0's frame: thread 0 stores its
# own slot and loads y; thread 1 stores y and loads the slot.
stack_sb_t0:
        subq $64, %rsp
        movq %rsp, frame(%rip)
        movq $1, (%rsp)
        movq y(%rip), %rbx
        addq $64, %rsp
        ret
stack_sb_t1:
1:      movq frame(%rip), %rsi      # wait for thread 0's frame
        testq %rsi, %rsi
        jz 1b
        movq $1, y(%rip)
        movq (%rsi), %rcx
        ret

# The same with mfence between each thread's store and load.
stack_sb_fenced_t0:
        subq $64, %rsp
        movq %rsp, frame(%rip)
        movq $1, (%rsp)
        mfence
        movq y(%rip), %rbx
        addq $64, %rsp
        ret
stack_sb_fenced_t1:
1:      movq frame(%rip), %rsi      # wait for thread 0's frame
        testq %rsi, %rsi
        jz 1b
        movq $1, y(%rip)
        mfence
        movq (%rsi), %rcx
        ret

# Message passing inside thread 0's frame: data at 8(frame), then the flag
# at (frame); the reader loads the flag, then the data.
stack_mp_writer:
        subq $64, %rsp
        movq %rsp, frame(%rip)
        movq $42, 8(%rsp)
        movq $1, (%rsp)
        addq $64, %rsp
        ret
stack_mp_fenced_writer:
        subq $64, %rsp
        movq %rsp, frame(%rip)
        movq $42, 8(%rsp)
        mfence
        movq $1, (%rsp)
        addq $64, %rsp
        ret
stack_mp_reader:
1:      movq frame(%rip), %rsi      # wait for thread 0's frame
        testq %rsi, %rsi
        jz 1b
        movq (%rsi), %rax
        movq 8(%rsi), %rbx
        ret
