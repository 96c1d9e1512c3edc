/*
 * layout_probe.c: prints what the kernel headers say about the structs, ioctl numbers and
 * constants the Raspberry Pi backend encodes by hand, and a few structs filled in C, so the
 * tests can compare them with the C# side byte for byte. Built by the tests with gcc.
 *
 * Output lines:
 *   size STRUCT BYTES
 *   field STRUCT MEMBER OFFSET BYTES
 *   const NAME VALUE            (decimal, unsigned)
 *   hex SAMPLE BYTES            (lowercase hex of a struct filled below)
 */
#include <fcntl.h>
#include <errno.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <linux/gpio.h>
#include <linux/i2c-dev.h>

#define SIZE(s) printf("size %s %zu\n", #s, sizeof(struct s))
#define FIELD(s, m) printf("field %s %s %zu %zu\n", #s, #m, offsetof(struct s, m), sizeof(((struct s *)0)->m))
#define CONST(c) printf("const %s %llu\n", #c, (unsigned long long)(c))

static void hex(const char *name, const void *p, size_t n)
{
	const unsigned char *b = p;
	printf("hex %s ", name);
	for (size_t i = 0; i < n; i++)
		printf("%02x", b[i]);
	printf("\n");
}

int main(void)
{
	SIZE(gpiochip_info);
	FIELD(gpiochip_info, name);
	FIELD(gpiochip_info, label);
	FIELD(gpiochip_info, lines);

	SIZE(gpio_v2_line_values);
	FIELD(gpio_v2_line_values, bits);
	FIELD(gpio_v2_line_values, mask);

	SIZE(gpio_v2_line_attribute);
	FIELD(gpio_v2_line_attribute, id);
	FIELD(gpio_v2_line_attribute, padding);
	FIELD(gpio_v2_line_attribute, flags);

	SIZE(gpio_v2_line_config_attribute);
	FIELD(gpio_v2_line_config_attribute, attr);
	FIELD(gpio_v2_line_config_attribute, mask);

	SIZE(gpio_v2_line_config);
	FIELD(gpio_v2_line_config, flags);
	FIELD(gpio_v2_line_config, num_attrs);
	FIELD(gpio_v2_line_config, padding);
	FIELD(gpio_v2_line_config, attrs);

	SIZE(gpio_v2_line_request);
	FIELD(gpio_v2_line_request, offsets);
	FIELD(gpio_v2_line_request, consumer);
	FIELD(gpio_v2_line_request, config);
	FIELD(gpio_v2_line_request, num_lines);
	FIELD(gpio_v2_line_request, event_buffer_size);
	FIELD(gpio_v2_line_request, padding);
	FIELD(gpio_v2_line_request, fd);

	SIZE(gpio_v2_line_event);
	FIELD(gpio_v2_line_event, timestamp_ns);
	FIELD(gpio_v2_line_event, id);
	FIELD(gpio_v2_line_event, offset);
	FIELD(gpio_v2_line_event, seqno);
	FIELD(gpio_v2_line_event, line_seqno);
	FIELD(gpio_v2_line_event, padding);

	SIZE(pollfd);
	FIELD(pollfd, fd);
	FIELD(pollfd, events);
	FIELD(pollfd, revents);

	CONST(GPIO_MAX_NAME_SIZE);
	CONST(GPIO_V2_LINES_MAX);
	CONST(GPIO_V2_LINE_NUM_ATTRS_MAX);
	CONST(GPIO_GET_CHIPINFO_IOCTL);
	CONST(GPIO_V2_GET_LINE_IOCTL);
	CONST(GPIO_V2_LINE_SET_CONFIG_IOCTL);
	CONST(GPIO_V2_LINE_GET_VALUES_IOCTL);
	CONST(GPIO_V2_LINE_SET_VALUES_IOCTL);
	CONST(GPIO_V2_LINE_FLAG_USED);
	CONST(GPIO_V2_LINE_FLAG_ACTIVE_LOW);
	CONST(GPIO_V2_LINE_FLAG_INPUT);
	CONST(GPIO_V2_LINE_FLAG_OUTPUT);
	CONST(GPIO_V2_LINE_FLAG_EDGE_RISING);
	CONST(GPIO_V2_LINE_FLAG_EDGE_FALLING);
	CONST(GPIO_V2_LINE_FLAG_OPEN_DRAIN);
	CONST(GPIO_V2_LINE_FLAG_OPEN_SOURCE);
	CONST(GPIO_V2_LINE_FLAG_BIAS_PULL_UP);
	CONST(GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN);
	CONST(GPIO_V2_LINE_FLAG_BIAS_DISABLED);
	CONST(GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME);
	CONST(GPIO_V2_LINE_ATTR_ID_FLAGS);
	CONST(GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES);
	CONST(GPIO_V2_LINE_ATTR_ID_DEBOUNCE);
	CONST(GPIO_V2_LINE_EVENT_RISING_EDGE);
	CONST(GPIO_V2_LINE_EVENT_FALLING_EDGE);
	CONST(I2C_SLAVE);

	CONST(O_RDONLY);
	CONST(O_RDWR);
	CONST(O_NONBLOCK);
	CONST(O_CLOEXEC);
	CONST(EFD_NONBLOCK);
	CONST(EFD_CLOEXEC);
	CONST(POLLIN);
	CONST(POLLERR);
	CONST(POLLHUP);
	CONST(POLLNVAL);
	CONST(ENOENT);
	CONST(EINTR);
	CONST(ENXIO);
	CONST(EBADF);
	CONST(EAGAIN);
	CONST(EACCES);
	CONST(EBUSY);
	CONST(ENODEV);
	CONST(EINVAL);
	CONST(EPIPE);
	CONST(ESTRPIPE);
	CONST(EREMOTEIO);

	/* Keys: line1 on 5 and hook on 6 to ground (pull-up, active low), a key on 26 to 3.3 V. */
	struct gpio_v2_line_request keys;
	memset(&keys, 0, sizeof keys);
	keys.offsets[0] = 5;
	keys.offsets[1] = 6;
	keys.offsets[2] = 26;
	strcpy(keys.consumer, "deskphone keys");
	keys.config.flags = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_EDGE_RISING | GPIO_V2_LINE_FLAG_EDGE_FALLING |
			    GPIO_V2_LINE_FLAG_ACTIVE_LOW | GPIO_V2_LINE_FLAG_BIAS_PULL_UP;
	keys.config.num_attrs = 1;
	keys.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_FLAGS;
	keys.config.attrs[0].attr.flags = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_EDGE_RISING |
					  GPIO_V2_LINE_FLAG_EDGE_FALLING | GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN;
	keys.config.attrs[0].mask = 1u << 2;
	keys.num_lines = 3;
	hex("request_keys", &keys, sizeof keys);

	/* Lamps: a red/green lamp on 17 (green) and 27 (red), a single LED on 22 lit by a low pin. */
	struct gpio_v2_line_request lamps;
	memset(&lamps, 0, sizeof lamps);
	lamps.offsets[0] = 17;
	lamps.offsets[1] = 27;
	lamps.offsets[2] = 22;
	strcpy(lamps.consumer, "deskphone lamps");
	lamps.config.flags = GPIO_V2_LINE_FLAG_OUTPUT;
	lamps.config.num_attrs = 2;
	lamps.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_FLAGS;
	lamps.config.attrs[0].attr.flags = GPIO_V2_LINE_FLAG_OUTPUT | GPIO_V2_LINE_FLAG_ACTIVE_LOW;
	lamps.config.attrs[0].mask = 1u << 2;
	lamps.config.attrs[1].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
	lamps.config.attrs[1].attr.values = 0;
	lamps.config.attrs[1].mask = 0x7;
	lamps.num_lines = 3;
	hex("request_lamps", &lamps, sizeof lamps);

	/* A config with a debounce attribute: the u32 member of the union. */
	struct gpio_v2_line_config debounce;
	memset(&debounce, 0, sizeof debounce);
	debounce.flags = GPIO_V2_LINE_FLAG_INPUT;
	debounce.num_attrs = 1;
	debounce.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
	debounce.attrs[0].attr.debounce_period_us = 10000;
	debounce.attrs[0].mask = 0x3;
	hex("config_debounce", &debounce, sizeof debounce);

	struct gpio_v2_line_values values = { .bits = 0x5, .mask = 0x7 };
	hex("values", &values, sizeof values);

	struct gpio_v2_line_event event;
	memset(&event, 0, sizeof event);
	event.timestamp_ns = 0x0102030405060708ull;
	event.id = GPIO_V2_LINE_EVENT_FALLING_EDGE;
	event.offset = 26;
	event.seqno = 7;
	event.line_seqno = 3;
	hex("event_falling_26", &event, sizeof event);

	struct gpiochip_info chip;
	memset(&chip, 0, sizeof chip);
	strcpy(chip.name, "gpiochip0");
	strcpy(chip.label, "pinctrl-bcm2711");
	chip.lines = 58;
	hex("chipinfo", &chip, sizeof chip);
	return 0;
}
