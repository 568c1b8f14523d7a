# Linux counting semaphore, the generic one of kernel/semaphore.c (v2.6.26,
# Matthew Wilcox, through v4.x): down(), up(), __down() (the
# TASK_UNINTERRUPTIBLE __down_common without signals and timeout), __up().
# Written in assembly as a compiler would lay out the C. The count and the
# FIFO of waiters live under one spinlock (locks/linux_ticket.s); a waiter's record
# is on its own stack; up() with waiters hands the unit straight to the
# first one (waiter->up = 1) instead of incrementing the count, so a thread
# that comes later cannot take it first. The sleep itself is sched.s:
# set our state to TASK_UNINTERRUPTIBLE under the lock, drop the lock,
# schedule(); the waker sets TASK_RUNNING under the same lock. LOCK'd: only
# the spinlock's xaddw; the count and list updates are plain stores under it.
#
# struct semaphore: +0 lock (ticket slock), +4 count (u32), +8 wait_list
# (list_head: next, prev). struct semaphore_waiter: +0 list.next, +8
# list.prev, +16 task, +24 up.
        .equ SEM_COUNT, 4
        .equ SEM_WAIT_LIST, 8
        .equ W_NEXT, 0
        .equ W_PREV, 8
        .equ W_TASK, 16
        .equ W_UP, 24
        .equ W_SIZE, 32
        .equ TASK_STATE, 16              # task->state in the thread structure
        .equ TASK_UNINTERRUPTIBLE, 2
        .text

# down(%rdi = sem): take a unit, sleeping until one is handed over.
        .globl down
down:
        pushq %rbx
        movq %rdi, %rbx
        call ticket_spin_lock                   # spin_lock_irqsave(&sem->lock)
        movl SEM_COUNT(%rbx), %eax
        testl %eax, %eax
        jz 1f
        decl %eax                        # count > 0: count--, plain under the lock
        movl %eax, SEM_COUNT(%rbx)
        jmp 2f
1:      movq %rbx, %rdi
        call __down                      # returns with the lock held again
2:      movq %rbx, %rdi
        call ticket_spin_unlock                 # spin_unlock_irqrestore
        popq %rbx
        ret

# __down(%rdi = sem), called and returning with sem->lock held. Queue a
# waiter record at the tail, then until up() has marked it: state =
# TASK_UNINTERRUPTIBLE (a plain store, ordered before the unlock's store,
# and the waker can only look at it after taking the lock), unlock,
# schedule(), relock, test waiter.up. up() unlinked the record already.
__down:
        pushq %rbx
        subq $W_SIZE, %rsp
        movq %rdi, %rbx
        leaq SEM_WAIT_LIST(%rbx), %rcx   # head
        movq %rsp, %rdx                  # new = &waiter.list
        movq W_PREV(%rcx), %rax          # list_add_tail: prev = head->prev
        movq %rdx, W_PREV(%rcx)          # head->prev = new
        movq %rcx, W_NEXT(%rdx)          # new->next = head
        movq %rax, W_PREV(%rdx)          # new->prev = prev
        movq %rdx, W_NEXT(%rax)          # prev->next = new
        movq %gs:0, %rax
        movq %rax, W_TASK(%rsp)          # waiter.task = current
        movl $0, W_UP(%rsp)              # waiter.up = 0
.Ldown_loop:
        movq %gs:0, %rax                 # __set_task_state(current, UNINTERRUPTIBLE)
        movl $TASK_UNINTERRUPTIBLE, TASK_STATE(%rax)
        movq %rbx, %rdi
        call ticket_spin_unlock                 # spin_unlock_irq
        call schedule
        movq %rbx, %rdi
        call ticket_spin_lock                   # spin_lock_irq
        cmpl $0, W_UP(%rsp)
        je .Ldown_loop                   # not handed a unit yet: sleep again
        addq $W_SIZE, %rsp
        popq %rbx
        ret

# up(%rdi = sem): give a unit back: to the first waiter if there is one,
# else to the count.
        .globl up
up:
        pushq %rbx
        movq %rdi, %rbx
        call ticket_spin_lock                   # spin_lock_irqsave(&sem->lock)
        leaq SEM_WAIT_LIST(%rbx), %rax
        cmpq %rax, SEM_WAIT_LIST(%rbx)   # list_empty(&sem->wait_list)
        jne 1f
        incl SEM_COUNT(%rbx)             # count++, plain under the lock
        jmp 2f
1:      movq %rbx, %rdi
        call __up
2:      movq %rbx, %rdi
        call ticket_spin_unlock
        popq %rbx
        ret

# __up(%rdi = sem), with sem->lock held and a waiter queued: unlink the
# first waiter (list_del, without the pointer poisoning), mark it up, wake
# its task. The record is on the waiter's stack; it stays valid because
# the waiter cannot see up = 1 and return before we drop the lock.
__up:
        movq SEM_WAIT_LIST(%rdi), %rdx   # waiter = list_first_entry
        movq W_NEXT(%rdx), %rax          # next
        movq W_PREV(%rdx), %rcx          # prev (the head)
        movq %rcx, W_PREV(%rax)          # next->prev = prev
        movq %rax, W_NEXT(%rcx)          # prev->next = next
        movl $1, W_UP(%rdx)              # waiter->up = 1
        movq W_TASK(%rdx), %rdi
        jmp wake_up_process
